package io.nagare.cli.bench;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.stepfunctions.AwsServiceCalls;

/**
 * The default workload of {@code nagare bench stepfunctions}: an order saga of twelve states (a Choice, a Map over
 * three items and six Lambda tasks, with a compensation path), and the in-process Lambda that answers every task
 * with a small JSON object.
 */
final class StepFunctionsBenchSaga {

    static final String DEFINITION = """
            {
              "Comment": "Order saga: validate, reserve, authorize, pack each item, capture, confirm",
              "StartAt": "ValidateOrder",
              "States": {
                "ValidateOrder": {"Type": "Task", "Resource": "arn:aws:lambda:ap-northeast-1:000000000000:function:validate-order",
                  "ResultPath": "$.validation", "Next": "ReserveInventory",
                  "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "OrderFailed"}]},
                "ReserveInventory": {"Type": "Task", "Resource": "arn:aws:lambda:ap-northeast-1:000000000000:function:reserve-inventory",
                  "ResultPath": "$.stock", "Next": "InStock",
                  "Retry": [{"ErrorEquals": ["States.TaskFailed"], "IntervalSeconds": 1, "MaxAttempts": 2}],
                  "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "OrderFailed"}]},
                "InStock": {"Type": "Choice",
                  "Choices": [{"Variable": "$.stock.available", "BooleanEquals": true, "Next": "AuthorizePayment"}],
                  "Default": "ReleaseStock"},
                "AuthorizePayment": {"Type": "Task", "Resource": "arn:aws:lambda:ap-northeast-1:000000000000:function:authorize-payment",
                  "ResultPath": "$.payment", "Next": "PackItems",
                  "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "ReleaseStock"}]},
                "PackItems": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 0, "ResultPath": "$.packed",
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "PackItem", "States": {
                    "PackItem": {"Type": "Task", "Resource": "arn:aws:lambda:ap-northeast-1:000000000000:function:pack-item",
                      "End": true}}},
                  "Next": "CapturePayment"},
                "CapturePayment": {"Type": "Task", "Resource": "arn:aws:lambda:ap-northeast-1:000000000000:function:capture-payment",
                  "ResultPath": "$.capture", "Next": "ConfirmOrder"},
                "ConfirmOrder": {"Type": "Task", "Resource": "arn:aws:lambda:ap-northeast-1:000000000000:function:confirm-order",
                  "ResultPath": "$.confirmation", "Next": "Summarize"},
                "Summarize": {"Type": "Pass",
                  "Parameters": {"orderId.$": "$.orderId", "status": "CONFIRMED", "items.$": "States.ArrayLength($.packed)"},
                  "Next": "Done"},
                "Done": {"Type": "Succeed"},
                "ReleaseStock": {"Type": "Pass", "Result": {"released": true}, "ResultPath": "$.release", "Next": "OrderFailed"},
                "OrderFailed": {"Type": "Fail", "Error": "OrderFailed", "Cause": "the order could not be completed"}
              }
            }""";

    static final String INPUT = """
            {"orderId": "o-1001", "customer": "c-42", "amount": 12800,
             "items": [{"sku": "sku-1", "qty": 1}, {"sku": "sku-2", "qty": 2}, {"sku": "sku-3", "qty": 1}]}""";

    private StepFunctionsBenchSaga() {
    }

    /** Every Lambda call answers {@code {"ok": true, "available": true}} at once. */
    static AwsServiceCalls lambda() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode answer = mapper.createObjectNode();
        answer.put("StatusCode", 200);
        answer.set("Payload", mapper.createObjectNode().put("ok", true).put("available", true));
        CompletableFuture<com.fasterxml.jackson.databind.JsonNode> done = CompletableFuture.completedFuture(answer);
        return (service, operation, request) -> service.equals("lambda") ? done
                : AwsServiceCalls.unavailable().call(service, operation, request);
    }
}
