package uk.socialprescribing.events;

/** The data of a CloudEvent in the catalogue. Its aggregate id is the Kafka key and the CloudEvent subject. */
public interface EventData {
    String aggregateId();
}
