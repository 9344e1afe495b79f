package io.nagare.sagas.orderfulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.nagare.platform.model.ModelProblem;
import io.nagare.platform.model.ModelValidator;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.SagaDeclaration;

/**
 * The declaration against the platform model's rules (the ASL file's placeholders against the substitutions among
 * them), with a stand-in for the domain modules that declares the functions the contract names.
 */
class OrderFulfilmentDeclarationsTest {

    @Test
    void validate_shouldAcceptTheSaga_whenEveryContractFunctionIsDeclared() {
        PlatformModel model = ModelValidator.create().validate(PlatformModel.of(
                new OrderFulfilmentDeclarations(), new ContractFunctions(ContractFunctions.SAGA_STEPS)));

        SagaDeclaration saga = model.saga("order-fulfilment").orElseThrow();
        assertThat(saga.owner()).isEqualTo("order-fulfilment");
        assertThat(saga.type()).isEqualTo(SagaDeclaration.Type.STANDARD);
        assertThat(saga.publishes()).isEmpty();
        assertThat(saga.substitutions()).containsEntry("IncidentQueueUrl", Reference.queue("order-fulfilment-incidents"));
        assertThat(saga.substitutions().values().stream()
                .filter(reference -> reference.kind() == Reference.Kind.FUNCTION)
                .map(Reference::name))
                .containsExactlyInAnyOrder(ContractFunctions.SAGA_STEPS);
        QueueDeclaration incidents = model.queue("order-fulfilment-incidents").orElseThrow();
        assertThat(incidents.isDeadLetterQueue()).isTrue();
        assertThat(incidents.retentionSeconds()).isEqualTo(14 * 24 * 3600);
    }

    @Test
    void check_shouldNameTheFunction_whenTheSagaInvokesOneNoModuleDeclares() {
        String[] withoutRefund = Arrays.stream(ContractFunctions.SAGA_STEPS)
                .filter(function -> !function.equals("refund-payment"))
                .toArray(String[]::new);

        List<ModelProblem> problems = ModelValidator.create().check(PlatformModel.of(
                new OrderFulfilmentDeclarations(), new ContractFunctions(withoutRefund)));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).name()).isEqualTo("order-fulfilment");
        assertThat(problems.get(0).toString()).contains("refund-payment");
    }

    @Test
    void check_shouldReportTheUnsubstitutedPlaceholder_whenTheDeclarationDropsOne() {
        SagaDeclaration declared = OrderFulfilmentKit.declaration();
        SagaDeclaration.Builder withoutCancel = SagaDeclaration.builder(declared.name()).owner(declared.owner())
                .definition(declared.definition());
        declared.substitutions().forEach((placeholder, reference) -> {
            if (reference.kind() == Reference.Kind.QUEUE) {
                withoutCancel.queue(placeholder, reference.name());
            } else if (!placeholder.equals("CancelOrderFunction")) {
                withoutCancel.function(placeholder, reference.name());
            }
        });
        PlatformModel.Builder model = PlatformModel.builder().owner("test")
                .saga(withoutCancel.build())
                .queue("order-fulfilment-incidents", QueueDeclaration.Builder::asDeadLetterQueue);
        for (String function : ContractFunctions.SAGA_STEPS) {
            model.function(function, f -> f.handler("io.nagare.standin.Handler"));
        }

        List<ModelProblem> problems = ModelValidator.create().check(model.build());

        assertThat(problems).extracting(ModelProblem::toString)
                .singleElement().asString().contains("${CancelOrderFunction}");
    }

    @Test
    void discover_shouldFindTheDeclarations_throughTheServiceFile() {
        PlatformModel model = PlatformModel.discover();

        assertThat(model.saga("order-fulfilment")).isPresent();
        assertThat(model.queue("order-fulfilment-incidents")).isPresent();
    }
}
