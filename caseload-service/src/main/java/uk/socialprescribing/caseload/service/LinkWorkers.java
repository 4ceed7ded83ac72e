package uk.socialprescribing.caseload.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.socialprescribing.caseload.domain.LinkWorker;
import uk.socialprescribing.caseload.repository.LinkWorkerRepository;
import uk.socialprescribing.conventions.Conflict;
import uk.socialprescribing.conventions.InvalidInput;
import uk.socialprescribing.conventions.NotFound;
import uk.socialprescribing.conventions.StaleVersionException;
import uk.socialprescribing.reference.PrimaryCare;

/** Managing link workers; a change that makes room promotes the PCN's waiting list in the same transaction. */
@ApplicationScoped
public class LinkWorkers {

    /** No link worker the caller may see has this id. */
    public static class LinkWorkerNotFoundException extends NotFound {
        public LinkWorkerNotFoundException(UUID id) {
            super("link-worker-not-found", "No link worker " + id);
        }
    }

    /** A write based on a version of the link worker that is no longer current. */
    public static class StaleException extends StaleVersionException {
        public StaleException(long currentVersion) {
            super("The link worker changed since you read them; read them again", currentVersion);
        }
    }

    private final LinkWorkerRepository workers;
    private final Allocating allocating;
    private final Clock clock;
    private final PrimaryCare primaryCare = PrimaryCare.standard();

    public LinkWorkers(LinkWorkerRepository workers, Allocating allocating, Clock clock) {
        this.workers = workers;
        this.allocating = allocating;
        this.clock = clock;
    }

    @Transactional
    public Allocating.Load add(LinkWorker.Profile profile) {
        LinkWorker.Profile checked = checked(profile);
        if (byUsername(checked.username()).isPresent()) {
            throw new Conflict("link-worker-exists",
                    "A link worker with username " + checked.username() + " exists already",
                    "username", "Unique", "is taken");
        }
        LinkWorker worker = LinkWorker.join(checked, clock.instant());
        workers.persistAndFlush(worker);
        allocating.promoteWaiting(worker.pcnCode());
        return loadOf(worker);
    }

    @Transactional
    public Allocating.Load update(UUID id, long expectedVersion, LinkWorker.Profile profile) {
        LinkWorker worker = find(id).orElseThrow(() -> new LinkWorkerNotFoundException(id));
        if (worker.version() != expectedVersion) {
            throw new StaleException(worker.version());
        }
        LinkWorker.Profile checked = checked(profile);
        if (!checked.username().equals(worker.username())) {
            throw new InvalidInput("username", "Unchangeable", "cannot change; add a new link worker instead");
        }
        worker.update(checked);
        workers.flush();
        allocating.promoteWaiting(worker.pcnCode());
        return loadOf(worker);
    }

    public Optional<LinkWorker> find(UUID id) {
        return workers.findByIdOptional(id);
    }

    public Optional<LinkWorker> byUsername(String username) {
        return workers.byUsername(username);
    }

    public Allocating.Load loadOf(LinkWorker worker) {
        return allocating.loads(worker.pcnCode()).stream().filter(l -> l.worker().id().equals(worker.id())).findFirst()
                .orElse(new Allocating.Load(worker, 0, 0, 0));
    }

    /** The PCN and practices are reference data: a PCN we do not serve, or a practice of another, is named. */
    private LinkWorker.Profile checked(LinkWorker.Profile profile) {
        if (primaryCare.network(profile.pcnCode()).isEmpty()) {
            throw new InvalidInput("pcnCode", "KnownPcn", "is not a primary care network this service covers");
        }
        List<String> ofPcn = primaryCare.practicesOf(profile.pcnCode()).stream().map(PrimaryCare.Practice::odsCode).toList();
        for (int i = 0; i < profile.practices().size(); i++) {
            if (!ofPcn.contains(profile.practices().get(i))) {
                throw new InvalidInput("practices[" + i + "]", "PracticeOfPcn",
                        "is not a practice of " + profile.pcnCode() + " (" + String.join(", ", ofPcn) + ")");
            }
        }
        List<String> practices = profile.practices().isEmpty() ? ofPcn : profile.practices();
        return new LinkWorker.Profile(profile.username(), profile.displayName(), profile.pcnCode(), practices,
                profile.languages(), profile.workingDays(), profile.activeCaseCap(), profile.yearlyCap(), profile.lead());
    }
}
