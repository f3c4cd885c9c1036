package cn.huiyin.shared.web;

/** Thrown anywhere in a request to answer with a problem document instead of the normal response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " was not found"));
    }

    /** 409: the appeal is not in a state (or a hand) that allows this now. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "illegal-transition", "Not possible now", detail));
    }

    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(Problem.of(400, "bad-request", "Bad request", detail).withField(field));
    }
}
