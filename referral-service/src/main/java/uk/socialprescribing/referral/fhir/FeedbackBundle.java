package uk.socialprescribing.referral.fhir;

import static uk.socialprescribing.referral.fhir.FhirSystems.*;
import static uk.socialprescribing.referral.fhir.ServiceRequestWriter.serviceRequest;
import static uk.socialprescribing.referral.fhir.ServiceRequestWriter.statusOf;
import static uk.socialprescribing.referral.fhir.ServiceRequestWriter.taskStatusOf;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.domain.ReferralStatus;
import uk.socialprescribing.referral.feedback.FeedbackMessage;

/** The messages back to the referrer as a FHIR R4 Bundle. */
public final class FeedbackBundle {

    private FeedbackBundle() {
    }

    /**
     * The messages back to the referrer as FHIR: the ServiceRequest (its status), a Task whose business status is coded,
     * and a Communication per message whose payload is the message in words, with each outcome measure it reports as an
     * Observation (the scale, its value, the day completed) that the Communication references.
     */
    public static Bundle feedback(Referral referral, List<FeedbackMessage> messages) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setId(UUID.randomUUID().toString());
        ServiceRequest request = serviceRequest(referral);
        String requestUrl = "ServiceRequest/" + referral.id();
        bundle.addEntry().setFullUrl(requestUrl).setResource(request);
        Task task = new Task();
        task.setId(referral.id().toString());
        task.setStatus(taskStatusOf(referral.status()));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setFocus(new Reference(requestUrl));
        task.addBasedOn(new Reference(requestUrl));
        String status = referral.status().name().toLowerCase(Locale.ROOT);
        task.getBusinessStatus().addCoding().setSystem(REFERRAL_STATUS_SYSTEM).setCode(status).setDisplay(statusDisplay(referral.status()));
        task.getBusinessStatus().setText(status);
        if (referral.statusReason() != null) {
            task.getStatusReason().setText(referral.statusReason());
        }
        bundle.addEntry().setFullUrl("Task/" + task.getId()).setResource(task);
        for (FeedbackMessage message : messages) {
            Communication communication = new Communication();
            communication.setId(message.messageId().toString());
            communication.setStatus(Communication.CommunicationStatus.COMPLETED);
            communication.addBasedOn(new Reference(requestUrl));
            communication.setSent(Date.from(message.occurredAt()));
            communication.getTopic().addCoding().setSystem(MESSAGE_KIND_SYSTEM).setCode(message.kind());
            communication.getTopic().setText(message.kind());
            if (message.recordAs() != null) {
                communication.addReasonCode().addCoding().setSystem(message.recordAs().system())
                        .setCode(message.recordAs().code()).setDisplay(message.recordAs().display());
            }
            communication.addPayload().setContent(new StringType(words(message)));
            List<FeedbackMessage.OutcomeChange> changes = message.outcomeChanges() != null ? message.outcomeChanges()
                    : message.closure() != null && message.closure().outcomeChanges() != null ? message.closure().outcomeChanges() : List.of();
            for (FeedbackMessage.OutcomeChange change : changes) {
                for (boolean baseline : new boolean[] { true, false }) {
                    Observation observation = observation(referral, message, change, baseline);
                    String url = "Observation/" + observation.getId();
                    bundle.addEntry().setFullUrl(url).setResource(observation);
                    communication.addPayload().setContent(new Reference(url).setDisplay(observation.getCode().getText()));
                }
            }
            bundle.addEntry().setFullUrl("Communication/" + communication.getId()).setResource(communication);
        }
        return bundle;
    }

    private static String statusDisplay(ReferralStatus status) {
        return switch (status) {
            case RECEIVED -> "Received, awaiting triage";
            case ACCEPTED -> "Accepted";
            case DECLINED -> "Declined at triage";
            case REDIRECTED -> "Redirected to another service";
            case WITHDRAWN -> "Withdrawn by the referrer";
            case CLOSED -> "Support ended";
        };
    }

    /** The message as a person reads it: what happened, who the link worker is, how to reach the service, what next. */
    static String words(FeedbackMessage message) {
        StringBuilder text = new StringBuilder(message.text() == null ? message.kind() : message.text());
        if (message.closure() != null && message.closure().nextSteps() != null) {
            text.append(" Next steps: ").append(message.closure().nextSteps());
        }
        if (message.linkWorker() != null && (message.text() == null || !message.text().contains(message.linkWorker()))) {
            text.append(" Link worker: ").append(message.linkWorker()).append('.');
        }
        if (message.contact() != null) {
            text.append(" Contact ").append(message.contact().name()).append(" on ").append(message.contact().phone()).append(" or ")
                    .append(message.contact().email()).append('.');
        }
        return text.toString();
    }

    /** One side of an outcome change: the scale (our code; no confirmed concept), its value, the day completed. */
    private static Observation observation(Referral referral, FeedbackMessage message, FeedbackMessage.OutcomeChange change, boolean baseline) {
        Observation observation = new Observation();
        // stable per message, scale and side, so that a system filing the bundle twice files each once
        observation.setId(UUID.nameUUIDFromBytes((message.messageId() + "|" + change.instrument() + "|" + (baseline ? "baseline" : "follow-up"))
                .getBytes(StandardCharsets.UTF_8)).toString());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/observation-category").setCode("survey")
                .setDisplay("Survey");
        observation.getCode().addCoding().setSystem(OUTCOME_SCALE_SYSTEM).setCode(change.instrument());
        observation.getCode().setText(change.instrument() + (baseline ? " at baseline" : " at follow-up"));
        observation.setSubject(referral.person().nhsNumber() == null ? null
                : new Reference().setIdentifier(new Identifier().setSystem(NHS_NUMBER_SYSTEM).setValue(referral.person().nhsNumber())));
        observation.addBasedOn(new Reference("ServiceRequest/" + referral.id()));
        LocalDate day = baseline ? change.baselineOn() : change.followUpOn();
        if (day != null) {
            observation.setEffective(new DateTimeType(day.toString())); // a day: dateTime at day precision
        }
        observation.setValue(new Quantity().setValue(baseline ? change.baseline() : change.followUp())
                .setUnit("score"));
        if (!baseline && change.direction() != null) {
            // the change read the right way round for the scale (lower is better on UCLA3 and ONS4 anxiety)
            observation.addInterpretation().setText(change.direction() + " than at baseline (" + change.change().toPlainString()
                    + "; " + change.betterWhen() + " is better)");
            observation.addNote().setText(change.direction() + ": " + change.change().toPlainString() + " since the baseline, where "
                    + change.betterWhen() + " is better");
        }
        return observation;
    }
}
