package cn.huiyin.supervision.domain;

/** The outcome of a move on a supervision order: the order as it now is, or why it may not move. */
public sealed interface OrderStep {

    /** Why a move was refused. */
    enum Refusal {
        /** the order belongs to another unit (its leader is told it does not exist) */
        NOT_YOURS,
        /** the order has its answer already */
        ALREADY_ANSWERED,
        /** only an open order escalates */
        NOT_OPEN,
        /** the reply deadline has not passed yet */
        NOT_DUE
    }

    record Moved(SupervisionOrder order) implements OrderStep {
    }

    record Refused(Refusal refusal) implements OrderStep {
    }
}
