package io.nagare.infra.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.nagare.infra.PlatformEnvironment;
import io.nagare.infra.compliance.NagAcknowledgement;
import io.nagare.infra.data.DataStack;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.budgets.CfnBudget;
import software.amazon.awscdk.services.cloudtrail.Trail;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

/**
 * The seed's operations layer (sections 6.1, 6.2, 7.2, 8.2): an alarm topic; alarms on every dead-letter queue's
 * depth, every saga's failed, timed-out and aborted executions, every function's errors, the partner API's 4xx rate,
 * 5xx and p99 latency, and the data lake's replication lag (where it is replicated); a dashboard
 * for the platform and one per saga; a CloudTrail trail of every Region's management events; and a monthly budget
 * alerting at 80 % actual and 100 % forecast.
 */
public final class OperationsStack extends Stack {

    static final int API_4XX_PERCENT = 5;
    static final int API_P99_MS = 1_000;
    static final int RPO_SECONDS = 300;

    private final Topic alarms;

    public OperationsStack(Construct scope, String id, StackProps props, OperationsStackProps operations) {
        super(scope, id, props);
        PlatformEnvironment environment = operations.environment();
        alarms = Topic.Builder.create(this, "Alarms")
                .displayName("Nagare " + environment.id() + " alarms")
                .masterKey(operations.messagingKey())
                .enforceSsl(true)
                .build();
        SnsAction notify = new SnsAction(alarms);

        List<IWidget> platformWidgets = new ArrayList<>();
        List<IMetric> dlqDepths = new ArrayList<>();
        for (QueueDeclaration dlq : operations.model().deadLetterQueues()) {
            IQueue queue = operations.queues().get(dlq.name());
            IMetric depth = queue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                    .period(Duration.minutes(1)).statistic("Maximum").label(dlq.name()).build());
            dlqDepths.add(depth);
            Alarm.Builder.create(this, "DeadLetters-" + dlq.name())
                    .alarmDescription("Messages in dead-letter queue '" + dlq.name() + "': inspect and redrive")
                    .metric(depth)
                    .threshold(0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .evaluationPeriods(1)
                    .treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build().addAlarmAction(notify);
        }
        platformWidgets.add(graph("Dead-letter queue depth", dlqDepths));

        List<IMetric> errors = new ArrayList<>();
        List<IMetric> throttles = new ArrayList<>();
        List<IMetric> durations = new ArrayList<>();
        operations.functions().forEach((name, function) -> {
            IMetric functionErrors = function.metricErrors(options(name, "Sum"));
            errors.add(functionErrors);
            throttles.add(function.metricThrottles(options(name, "Sum")));
            durations.add(function.metricDuration(options(name, "p99")));
            Alarm.Builder.create(this, "Errors-" + name)
                    .alarmDescription("Function '" + name + "' fails")
                    .metric(functionErrors).threshold(0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).evaluationPeriods(1)
                    .treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build().addAlarmAction(notify);
        });
        platformWidgets.add(graph("Lambda errors", errors));
        platformWidgets.add(graph("Lambda throttles", throttles));
        platformWidgets.add(graph("Lambda duration p99", durations));

        operations.sagas().forEach((name, machine) -> {
            List<IMetric> outcomes = List.of(
                    machine.metricStarted(options("started", "Sum")),
                    machine.metricSucceeded(options("succeeded", "Sum")),
                    machine.metricFailed(options("failed", "Sum")),
                    machine.metricTimedOut(options("timed out", "Sum")),
                    machine.metricAborted(options("aborted", "Sum")));
            Dashboard.Builder.create(this, "Saga-" + name)
                    .dashboardName("nagare-" + environment.id() + "-saga-" + name)
                    .widgets(List.of(List.of(graph("Executions", outcomes),
                            graph("Duration p99", List.of(machine.metricTime(options("p99", "p99")))))))
                    .build();
            for (IMetric bad : outcomes.subList(2, 5)) {
                String label = bad.toMetricConfig().getRenderingProperties() != null
                        ? String.valueOf(bad.toMetricConfig().getRenderingProperties().get("label")) : "failed";
                Alarm.Builder.create(this, "Saga-" + name + "-" + label.replace(' ', '-'))
                        .alarmDescription("Saga '" + name + "' executions " + label)
                        .metric(bad).threshold(0)
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).evaluationPeriods(1)
                        .treatMissingData(TreatMissingData.NOT_BREACHING)
                        .build().addAlarmAction(notify);
            }
        });
        platformWidgets.addAll(api(operations.api(), notify));
        if (operations.dataLakeReplica() != null) {
            platformWidgets.add(replication(operations, notify));
        }
        Dashboard.Builder.create(this, "Platform")
                .dashboardName("nagare-" + environment.id() + "-platform")
                .widgets(List.of(platformWidgets))
                .build();

        trail(operations, environment);
        budget(environment, operations.monthlyBudgetUsd());
    }

    /**
     * The partner API's client errors (alarm above {@value #API_4XX_PERCENT} % of requests: a partner integration is
     * broken), server errors (alarm on any) and p99 latency (alarm above {@value #API_P99_MS} ms for 15 minutes).
     */
    private List<IWidget> api(IHttpApi api, SnsAction notify) {
        IMetric requests = api.metricCount(options("requests", "Sum"));
        IMetric clientErrors = api.metricClientError(options("4xx", "Sum"));
        IMetric serverErrors = api.metricServerError(options("5xx", "Sum"));
        IMetric latency = api.metricLatency(options("latency p99", "p99"));
        MathExpression clientErrorRate = MathExpression.Builder.create()
                .expression("IF(requests > 0, 100 * clientErrors / requests, 0)")
                // Sorted: the order of these becomes the order of the alarm's metrics in the template.
                .usingMetrics(new TreeMap<>(Map.of("requests", requests, "clientErrors", clientErrors)))
                .label("4xx % of requests")
                .period(Duration.minutes(5))
                .build();
        alarm("Api-4xx", "Partner API: more than " + API_4XX_PERCENT + " % of requests are refused (4xx)",
                clientErrorRate, API_4XX_PERCENT, 1, notify);
        alarm("Api-5xx", "Partner API answers server errors (5xx)", serverErrors, 0, 1, notify);
        alarm("Api-Latency", "Partner API p99 latency above " + API_P99_MS + " ms", latency, API_P99_MS, 3, notify);
        return List.of(graph("API requests, 4xx and 5xx", List.of(requests, clientErrors, serverErrors)),
                graph("API latency p99", List.of(latency)));
    }

    /** Replication of the data lake to the recovery Region: alarm when it lags past the seed's RPO of 5 minutes. */
    private IWidget replication(OperationsStackProps operations, SnsAction notify) {
        IMetric latency = Metric.Builder.create()
                .namespace("AWS/S3")
                .metricName("ReplicationLatency")
                .dimensionsMap(new TreeMap<>(Map.of("SourceBucket", operations.dataLake().getBucketName(),
                        "DestinationBucket", operations.dataLakeReplica(),
                        "RuleId", DataStack.REPLICATION_RULE)))
                .statistic("Maximum")
                .period(Duration.minutes(1))
                .label("data lake replication latency (s)")
                .build();
        alarm("DataLake-ReplicationLatency", "Data lake replication to the recovery Region lags more than "
                + RPO_SECONDS + " s (the seed's RPO)", latency, RPO_SECONDS, 1, notify);
        return graph("Data lake replication latency", List.of(latency));
    }

    private void alarm(String id, String description, IMetric metric, double threshold, int periods,
                       SnsAction notify) {
        Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric).threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).evaluationPeriods(periods)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build().addAlarmAction(notify);
    }

    private void trail(OperationsStackProps operations, PlatformEnvironment environment) {
        Bucket trailBucket = Bucket.Builder.create(this, "TrailBucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(operations.logsKey())
                .serverAccessLogsBucket(operations.accessLogs())
                .serverAccessLogsPrefix("trail/")
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        NagAcknowledgement.of(trailBucket, "The trail's files are write-once audit records that CloudTrail itself "
                        + "delivers again from its event history for 90 days; they are kept versioned in place.",
                "NIST.800.53.R5-S3BucketReplicationEnabled", "PCI.DSS.321-S3BucketReplicationEnabled");
        Trail trail = Trail.Builder.create(this, "Trail")
                .bucket(trailBucket)
                .encryptionKey(operations.logsKey())
                .isMultiRegionTrail(true)
                .includeGlobalServiceEvents(true)
                .enableFileValidation(true)
                .sendToCloudWatchLogs(true)
                .cloudWatchLogGroup(LogGroup.Builder.create(this, "TrailLogs")
                        .retention(environment.logRetention())
                        .encryptionKey(operations.logsKey())
                        .removalPolicy(RemovalPolicy.RETAIN)
                        .build())
                .build();
        NagAcknowledgement.of(trail, "The trail's log delivery role holds CDK's grant to write this one log group; "
                        + "it lives and dies with the role.",
                "PCI.DSS.321-IAMNoInlinePolicy", "NIST.800.53.R5-IAMNoInlinePolicy");
    }

    private void budget(PlatformEnvironment environment, int monthlyUsd) {
        List<Object> notifications = new ArrayList<>();
        for (Map.Entry<String, Integer> alert : List.of(Map.entry("ACTUAL", 80), Map.entry("FORECASTED", 100))) {
            notifications.add(CfnBudget.NotificationWithSubscribersProperty.builder()
                    .notification(CfnBudget.NotificationProperty.builder()
                            .notificationType(alert.getKey())
                            .comparisonOperator("GREATER_THAN")
                            .threshold(alert.getValue())
                            .thresholdType("PERCENTAGE").build())
                    .subscribers(List.of(CfnBudget.SubscriberProperty.builder()
                            .subscriptionType("SNS").address(alarms.getTopicArn()).build()))
                    .build());
        }
        CfnBudget.Builder.create(this, "Budget")
                .budget(CfnBudget.BudgetDataProperty.builder()
                        .budgetName("nagare-" + environment.id())
                        .budgetType("COST")
                        .timeUnit("MONTHLY")
                        .budgetLimit(CfnBudget.SpendProperty.builder().amount(monthlyUsd).unit("USD").build())
                        .costFilters(Map.of("TagKeyValue", List.of("user:environment$" + environment.id())))
                        .build())
                .notificationsWithSubscribers(notifications)
                .build();
        alarms.addToResourcePolicy(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
                .principals(List.of(new software.amazon.awscdk.services.iam.ServicePrincipal(
                        "budgets.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(alarms.getTopicArn()))
                .build());
    }

    private static MetricOptions options(String label, String statistic) {
        return MetricOptions.builder().label(label).statistic(statistic).period(Duration.minutes(5)).build();
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(12).build();
    }

    public Topic alarms() {
        return alarms;
    }

    /**
     * What operations watch.
     *
     * @param environment      the deployment
     * @param model            the platform model
     * @param functions        the alias of each function
     * @param sagas            the state machines
     * @param queues           the queues
     * @param messagingKey     the key of the alarm topic
     * @param logsKey          the key of the trail
     * @param accessLogs       the access log bucket
     * @param monthlyBudgetUsd the monthly cost budget
     * @param api              the partner HTTP API
     * @param dataLake         the data lake bucket
     * @param dataLakeReplica  the name of its replica in the recovery Region, or {@code null} when not replicated
     */
    public record OperationsStackProps(PlatformEnvironment environment, PlatformModel model,
                                       Map<String, ? extends IFunction> functions,
                                       Map<String, ? extends IStateMachine> sagas,
                                       Map<String, ? extends IQueue> queues, IKey messagingKey, IKey logsKey,
                                       IBucket accessLogs, int monthlyBudgetUsd, IHttpApi api, IBucket dataLake,
                                       String dataLakeReplica) {
    }
}
