package uk.socialprescribing.referral.api.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import uk.socialprescribing.reference.NhsNumber;

/** An NHS number: 10 digits (spaces allowed, as people write it) whose last is the modulus 11 check digit. */
@Documented
@Constraint(validatedBy = ValidNhsNumber.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidNhsNumber {

    String message() default "must be an NHS number: 10 digits with a valid modulus 11 check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidNhsNumber, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || NhsNumber.isValid(NhsNumber.normalise(value));
        }
    }
}
