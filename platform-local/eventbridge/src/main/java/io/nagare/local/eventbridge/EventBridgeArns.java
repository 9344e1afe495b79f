package io.nagare.local.eventbridge;

/** ARNs in AWS's format for this runtime's region and account. */
final class EventBridgeArns {

    static final String DEFAULT_BUS = "default";

    private final String prefix;

    EventBridgeArns(String region, String accountId) {
        this.prefix = "arn:aws:events:" + region + ":" + accountId + ":";
    }

    String bus(String name) {
        return prefix + "event-bus/" + name;
    }

    /** Rules on the default bus have no bus segment: {@code rule/<name>}; others {@code rule/<bus>/<name>}. */
    String rule(String bus, String name) {
        return prefix + "rule/" + (bus.equals(DEFAULT_BUS) ? "" : bus + "/") + name;
    }

    String archive(String name) {
        return prefix + "archive/" + name;
    }

    String replay(String name) {
        return prefix + "replay/" + name;
    }

    /** The bus name of an {@code EventBusName} parameter, which may be a name or an event bus ARN. */
    static String busName(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            return DEFAULT_BUS;
        }
        int slash = nameOrArn.indexOf(":event-bus/");
        return nameOrArn.startsWith("arn:") && slash >= 0
                ? nameOrArn.substring(slash + ":event-bus/".length()) : nameOrArn;
    }

    /** The last path segment of a resource ARN ({@code archive/<name>} gives the name). */
    static String resourceName(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** The service part of an ARN ({@code sqs}, {@code lambda}, ...), or null when it is not an ARN. */
    static String service(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && !parts[2].isEmpty() ? parts[2] : null;
    }
}
