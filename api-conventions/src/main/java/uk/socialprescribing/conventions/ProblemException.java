package uk.socialprescribing.conventions;

/** Answers the request with this problem, e.g. {@code throw new ProblemException(Problem.invalidField(...))}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
