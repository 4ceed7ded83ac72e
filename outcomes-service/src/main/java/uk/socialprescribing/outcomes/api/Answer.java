package uk.socialprescribing.outcomes.api;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import uk.socialprescribing.outcomes.measure.Instrument;
import uk.socialprescribing.outcomes.measure.Scoring;

/**
 * A recording's answers fit its instrument: every item present, each in its range, none of another measure. Checked
 * with the request's other rules, so that one answer names every problem of the body at once ({@code answers.<item>},
 * rule {@code Answer}); an instrument that is not one of ours is left to its own rule.
 */
@Documented
@Constraint(validatedBy = Answer.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface Answer {

    String message() default "does not fit the instrument";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Answer, MeasurementResource.Recording> {

        @Override
        public boolean isValid(MeasurementResource.Recording recording, ConstraintValidatorContext context) {
            if (recording == null || recording.answers() == null || recording.instrument() == null
                    || Arrays.stream(Instrument.values()).noneMatch(i -> i.name().equals(recording.instrument()))) {
                return true;
            }
            if (recording.answers().containsValue(null)) {
                return true; // a null answer is named by its own rule
            }
            var problems = Scoring.problemsOf(Instrument.valueOf(recording.instrument()), recording.answers());
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (Scoring.Problem problem : problems) {
                context.buildConstraintViolationWithTemplate(escaped(problem.message())).addPropertyNode("answers")
                        .addPropertyNode(problem.item()).addConstraintViolation();
            }
            return false;
        }

        /** A message is a template: what it quotes is taken as it is. */
        private static String escaped(String message) {
            return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
