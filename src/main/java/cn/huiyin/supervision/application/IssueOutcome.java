package cn.huiyin.supervision.application;

/** What issuing a supervision order came to. */
public sealed interface IssueOutcome {

    record Issued(OrderView order) implements IssueOutcome {
    }

    /** No appeal has this tracking number. */
    record NoSuchAppeal() implements IssueOutcome {
    }

    /** The appeal is answered, closed or merged: nothing left to supervise. */
    record NotOpen(String status) implements IssueOutcome {
    }

    /** No unit holds the appeal (it waits for the dispatcher). */
    record NoUnit() implements IssueOutcome {
    }

    /** An earlier order on this appeal still waits for its answer. */
    record AlreadyOpen() implements IssueOutcome {
    }
}
