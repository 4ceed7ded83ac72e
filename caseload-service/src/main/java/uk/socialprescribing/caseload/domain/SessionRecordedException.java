package uk.socialprescribing.caseload.domain;

import java.util.UUID;

/** Recording a session that was recorded already. */
public class SessionRecordedException extends RuntimeException {

    public SessionRecordedException(UUID id, String status) {
        super("Session " + id + " is recorded already (" + status + ")");
    }
}
