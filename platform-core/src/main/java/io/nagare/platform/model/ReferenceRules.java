package io.nagare.platform.model;

import java.util.EnumSet;
import java.util.Set;

/** Every name a declaration uses resolves to a declaration of the right kind. */
final class ReferenceRules {

    private static final Set<Reference.Kind> TARGETS = EnumSet.of(Reference.Kind.FUNCTION, Reference.Kind.SAGA,
            Reference.Kind.QUEUE, Reference.Kind.BUS);

    private ReferenceRules() {
    }

    static void check(PlatformModel model, Problems problems) {
        for (FunctionDeclaration f : model.functions()) {
            String kind = FunctionDeclaration.KIND;
            f.tables().keySet().forEach(t -> resolve(model, kind, f.name(), "tables", Reference.table(t), problems));
            f.publishes().keySet().forEach(b -> resolve(model, kind, f.name(), "publishes", Reference.bus(b),
                    problems));
            f.sendsTo().forEach(q -> resolve(model, kind, f.name(), "sendsTo", Reference.queue(q), problems));
            f.queueSources().forEach(q -> resolve(model, kind, f.name(), "consumes", Reference.queue(q.queue()),
                    problems));
            for (FunctionDeclaration.StreamSource source : f.streamSources()) {
                resolve(model, kind, f.name(), "consumesStream", Reference.table(source.table()), problems);
                model.table(source.table()).filter(t -> t.stream() == null).ifPresent(t -> problems.add(kind, f.name(),
                        "consumesStream", "reads the stream of table '" + t.name() + "', which declares no stream;"
                                + " give the table a stream view type (e.g. NEW_AND_OLD_IMAGES)"));
                if (source.onFailureQueue() != null) {
                    resolve(model, kind, f.name(), "consumesStream onFailureQueue",
                            Reference.queue(source.onFailureQueue()), problems);
                }
            }
            f.sagas().forEach((saga, access) -> {
                resolve(model, kind, f.name(), "sagas", Reference.saga(saga), problems);
                if (access.isEmpty()) {
                    problems.add(kind, f.name(), "sagas", "names saga '" + saga + "' without saying what the"
                            + " function does with it; give one of " + EnumSet.allOf(FunctionDeclaration.SagaAccess.class));
                }
            });
            if (f.deadLetterQueue() != null) {
                resolve(model, kind, f.name(), "deadLetterQueue", Reference.queue(f.deadLetterQueue()), problems);
            }
            destination(model, f, "onSuccess", f.onSuccess(), problems);
            destination(model, f, "onFailure", f.onFailure(), problems);
        }
        for (SubscriptionDeclaration s : model.subscriptions()) {
            String kind = SubscriptionDeclaration.KIND;
            resolve(model, kind, s.name(), "bus", Reference.bus(s.bus()), problems);
            target(model, kind, s.name(), s.target(), problems);
            if (s.deadLetterQueue() != null) {
                resolve(model, kind, s.name(), "deadLetterQueue", Reference.queue(s.deadLetterQueue()), problems);
            }
        }
        for (SagaDeclaration s : model.sagas()) {
            String kind = SagaDeclaration.KIND;
            s.substitutions().forEach((placeholder, reference) -> resolve(model, kind, s.name(),
                    "substitution '" + placeholder + "':", reference, problems));
            s.publishes().keySet().forEach(b -> resolve(model, kind, s.name(), "publishes", Reference.bus(b),
                    problems));
            s.tables().keySet().stream()
                    .filter(t -> !s.substitutions().containsValue(Reference.table(t)))
                    .forEach(t -> problems.add(kind, s.name(), "tables", "gives access to table '" + t
                            + "', which no substitution names"));
        }
        for (QueueDeclaration q : model.queues()) {
            if (q.deadLetterQueue() != null) {
                resolve(model, QueueDeclaration.KIND, q.name(), "deadLetterQueue", Reference.queue(q.deadLetterQueue()),
                        problems);
            }
        }
        for (ApiRouteDeclaration r : model.routes()) {
            target(model, ApiRouteDeclaration.KIND, r.key(), r.target(), problems);
        }
    }

    private static void target(PlatformModel model, String kind, String name, Reference target, Problems problems) {
        if (!TARGETS.contains(target.kind())) {
            problems.add(kind, name, "target", "must be a function, saga, queue or bus; got " + target);
        } else {
            resolve(model, kind, name, "target", target, problems);
        }
    }

    /** An asynchronous invocation destination: a declared standard queue or a declared bus. */
    private static void destination(PlatformModel model, FunctionDeclaration f, String field,
            FunctionDeclaration.AsyncDestination destination, Problems problems) {
        if (destination == null) {
            return;
        }
        String kind = FunctionDeclaration.KIND;
        switch (destination.kind()) {
            case QUEUE -> {
                resolve(model, kind, f.name(), field, Reference.queue(destination.name()), problems);
                model.queue(destination.name()).filter(QueueDeclaration::fifo).ifPresent(q -> problems.add(kind,
                        f.name(), field, "queue '" + q.name() + "' is FIFO; Lambda sends invocation records to"
                                + " standard queues only"));
            }
            case BUS -> resolve(model, kind, f.name(), field, Reference.bus(destination.name()), problems);
            case TOPIC, FUNCTION -> problems.add(kind, f.name(), field, "not supported: " + destination
                    + " as an asynchronous invocation destination; the platform sends invocation records to a"
                    + " queue (AsyncDestination.queue) or an event bus (AsyncDestination.bus) of the model");
        }
    }

    private static void resolve(PlatformModel model, String kind, String name, String field, Reference reference,
            Problems problems) {
        if (!model.declares(reference)) {
            problems.add(kind, name, field, reference + " is not declared; declared "
                    + reference.kind().plural() + ": " + Problems.listing(model.names(reference.kind())));
        }
    }
}
