package io.nagare.local.sqs;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.targets.EventTargetInvoker;
import io.nagare.local.runtime.targets.EventTargetRequest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The process {@link KillTest} kills: a runtime on the given data directory where two threads send through the SDK
 * and two through the EventBridge target invoker, printing {@code ack <body>} once each send has returned.
 */
public final class SendingChild {

    private SendingChild() {
    }

    public static void main(String[] args) {
        LocalRuntime runtime = LocalRuntime.builder().port(0).discoverServices(false)
                .service(new SqsServiceFactory()).dataDirectory(Path.of(args[0])).start();
        SqsClient client = SqsClient.builder().endpointOverride(URI.create(runtime.endpointUrl()))
                .region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        String url = client.createQueue(b -> b.queueName("burst")).queueUrl();
        EventTargetInvoker invoker = runtime.service(EventTargetInvoker.Sqs.class).orElseThrow();
        for (int thread = 0; thread < 4; thread++) {
            String prefix = (thread < 2 ? "sdk-" : "rule-") + thread + "-";
            boolean viaSdk = thread < 2;
            new Thread(() -> {
                for (int i = 0; ; i++) {
                    String body = prefix + i;
                    if (viaSdk) {
                        client.sendMessage(b -> b.queueUrl(url).messageBody(body));
                    } else {
                        invoker.invoke(new EventTargetRequest("arn:aws:sqs:ap-northeast-1:000000000000:burst", body,
                                null, Map.of(), null));
                    }
                    System.out.println("ack " + body);
                }
            }).start();
        }
    }
}
