/**
 * JMH benchmarks of Rekey's calls against a raw OkHttp floor and the Azure SDK, on a loopback stub
 * server that runs in its own JVM; {@link dev.rekey.bench.BenchMain} runs them all and prints one
 * table.
 */
@NullMarked
package dev.rekey.bench;

import org.jspecify.annotations.NullMarked;
