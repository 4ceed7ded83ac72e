package uk.socialprescribing.events;

/**
 * The Kafka topics of the event catalogue, with the partition count each is created with.
 * Events of one aggregate share a key, hence a partition, hence an order.
 */
public enum Topic {
    REFERRAL_EVENTS("referral-events", 6),
    CASELOAD_EVENTS("caseload-events", 6),
    DIRECTORY_EVENTS("directory-events", 3),
    OUTCOME_EVENTS("outcome-events", 3);

    private final String topicName;
    private final int partitions;

    Topic(String topicName, int partitions) {
        this.topicName = topicName;
        this.partitions = partitions;
    }

    public String topicName() {
        return topicName;
    }

    public int partitions() {
        return partitions;
    }
}
