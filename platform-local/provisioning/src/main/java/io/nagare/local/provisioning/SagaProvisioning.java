package io.nagare.local.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.provisioning.ProvisioningReport.Outcome;
import io.nagare.local.provisioning.WireClient.Api;
import io.nagare.local.provisioning.WireClient.ServiceError;
import io.nagare.platform.model.SagaDeclaration;

/**
 * A declared saga as a Step Functions state machine: its ASL file read from the class path, every
 * {@code ${placeholder}} replaced by what its reference becomes (as CloudFormation's {@code DefinitionSubstitutions}
 * does on AWS), then CreateStateMachine, or UpdateStateMachine when the definition changed. Running executions keep
 * the definition they started with.
 */
final class SagaProvisioning {

    private static final String KIND = "saga";

    private final WireClient wire;
    private final ResourceNames names;
    private final ClassLoader classLoader;
    private final ProvisioningReport report;

    SagaProvisioning(WireClient wire, ResourceNames names, ClassLoader classLoader, ProvisioningReport report) {
        this.wire = wire;
        this.names = names;
        this.classLoader = classLoader;
        this.report = report;
    }

    void provision(SagaDeclaration saga) {
        String definition = definition(saga);
        String arn = names.stateMachineArn(saga.name());
        JsonNode existing = describe(arn);
        if (existing == null) {
            wire.call(Api.STEP_FUNCTIONS, "CreateStateMachine", wire.request()
                    .put("name", saga.name())
                    .put("definition", definition)
                    .put("roleArn", names.role("nagare-saga-" + saga.name()))
                    .put("type", saga.type().name()));
            report.record(KIND, saga.name(), Outcome.CREATED, "");
            return;
        }
        if (!existing.path("type").asText().equals(saga.type().name())) {
            report.warn("saga " + saga.name() + ": declared " + saga.type() + " but the state machine is "
                    + existing.path("type").asText() + "; a state machine's type cannot change, so it was left as it is");
        }
        if (sameJson(existing.path("definition").asText(), definition)) {
            report.record(KIND, saga.name(), Outcome.UNCHANGED, "");
            return;
        }
        wire.call(Api.STEP_FUNCTIONS, "UpdateStateMachine", wire.request()
                .put("stateMachineArn", arn)
                .put("definition", definition));
        report.record(KIND, saga.name(), Outcome.UPDATED, "definition");
    }

    /** The ASL with every substitution resolved. */
    String definition(SagaDeclaration saga) {
        String text;
        try (InputStream in = classLoader.getResourceAsStream(saga.definition())) {
            if (in == null) {
                throw new IllegalStateException("saga " + saga.name() + ": its definition " + saga.definition()
                        + " is not on the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("saga " + saga.name() + ": cannot read " + saga.definition(), e);
        }
        for (var substitution : saga.substitutions().entrySet()) {
            text = text.replace("${" + substitution.getKey() + "}", names.identifier(substitution.getValue()));
        }
        return text;
    }

    private JsonNode describe(String arn) {
        try {
            return wire.call(Api.STEP_FUNCTIONS, "DescribeStateMachine", wire.request().put("stateMachineArn", arn));
        } catch (ServiceError e) {
            if (e.is("StateMachineDoesNotExist")) {
                return null;
            }
            throw e;
        }
    }

    private static boolean sameJson(String a, String b) {
        try {
            return WireClient.JSON.readTree(a).equals(WireClient.JSON.readTree(b));
        } catch (IOException e) {
            return a.equals(b);
        }
    }
}
