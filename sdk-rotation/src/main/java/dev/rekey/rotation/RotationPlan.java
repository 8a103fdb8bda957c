package dev.rekey.rotation;

import java.util.List;

/**
 * What {@code rotate} would do now, computed by a dry run that reads state and changes nothing.
 *
 * @param targetId the target
 * @param due whether {@code rotate} would act
 * @param reason why (the policy's reason, or the unfinished rotation it would continue)
 * @param steps the steps it would run, in order, e.g. {@code REGENERATE key2}
 */
public record RotationPlan(String targetId, boolean due, String reason, List<String> steps) {
  /** Creates the plan; {@code steps} is copied. */
  public RotationPlan {
    steps = List.copyOf(steps);
  }

  /** Returns the plan as lines a person reads: target, verdict and reason, then one step a line. */
  @Override
  public String toString() {
    StringBuilder b =
        new StringBuilder("plan for ")
            .append(targetId)
            .append(": ")
            .append(due ? "rotate" : "nothing to do")
            .append(" (")
            .append(reason)
            .append(')');
    steps.forEach(s -> b.append(System.lineSeparator()).append("  ").append(s));
    return b.toString();
  }
}
