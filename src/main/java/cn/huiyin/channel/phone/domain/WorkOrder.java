package cn.huiyin.channel.phone.domain;

/**
 * The agent's completed order from a native {@code workOrder} event: the one phone event that creates an
 * appeal. Fields as sent ({@code contact.name} → {@code contactName} and so on); null when not sent.
 */
public record WorkOrder(String agentId, String contactName, String contactMobile, String category,
        String description, String usccOrNull, String enterpriseNameOrNull, String address, String externalTicketNo) {

    /** The contact's number masked, so that it never reaches a log line by accident. */
    @Override
    public String toString() {
        return "WorkOrder[agentId=" + agentId + " contactMobile=" + CallerNumbers.masked(contactMobile)
                + " category=" + category + " uscc=" + usccOrNull + " externalTicketNo=" + externalTicketNo + "]";
    }
}
