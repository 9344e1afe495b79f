package io.nagare.local.sqs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;

import scalikejdbc.ConnectionPool$;
import scalikejdbc.ConnectionPoolSettings;

/**
 * Where ElasticMQ keeps queues and messages: its SQL persistence (queue metadata and one table of messages per queue)
 * on an embedded H2 database, {@code <data-dir>/sqs.mv.db}. H2 stores its tables in an MVStore, the engine the other
 * local services use. {@code WRITE_DELAY=0} makes H2 write each commit to the file before it returns, and ElasticMQ
 * acknowledges a send only after its row is committed, so an acknowledged message survives kill -9.
 *
 * <p>ElasticMQ reaches the database through scalikejdbc's one JVM-wide connection pool, so one store can be open in
 * a JVM at a time; opening a second fails with "not supported" rather than silently sharing the first one's file.
 */
final class MessageStore implements AutoCloseable {

    private static final AtomicBoolean OPEN = new AtomicBoolean();
    private static final String DRIVER = "org.h2.Driver";

    private final String url;

    private MessageStore(String url) {
        this.url = url;
    }

    static MessageStore open(Path dataDirectory) {
        if (!OPEN.compareAndSet(false, true)) {
            throw new IllegalStateException("not supported: two local SQS services with a data directory in one JVM"
                    + " at once (ElasticMQ's SQL persistence uses scalikejdbc's JVM-wide connection pool)");
        }
        String url = "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("sqs") + ";WRITE_DELAY=0";
        try {
            Class.forName(DRIVER);
            // ElasticMQ initialises the pool once per JVM; setting it here each time lets a restarted service reopen.
            ConnectionPool$ pools = ConnectionPool$.MODULE$;
            ConnectionPoolSettings settings = pools.singleton$default$4();
            pools.singleton(url, "", "", settings, pools.singleton$default$5(url, "", "", settings));
        } catch (ClassNotFoundException | RuntimeException e) {
            OPEN.set(false);
            throw new IllegalStateException("cannot open the SQS message store " + url + ": " + e.getMessage(), e);
        }
        return new MessageStore(url);
    }

    /**
     * The clock reading recorded when this store was first opened, recording {@code now} if none is: the origin
     * {@link ElasticMqClock} measures the injected clock's advance from.
     */
    Instant clockOrigin(Instant now) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists nagare_clock_origin (origin varchar not null)");
            try (ResultSet origin = statement.executeQuery("select origin from nagare_clock_origin")) {
                if (origin.next()) {
                    return Instant.parse(origin.getString(1));
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into nagare_clock_origin (origin) values (?)")) {
                insert.setString(1, now.toString());
                insert.executeUpdate();
            }
            return now;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the SQS clock origin from " + url + ": " + e.getMessage(), e);
        }
    }

    SqlQueuePersistenceConfig config() {
        return new SqlQueuePersistenceConfig(true, DRIVER, url, "", "", false);
    }

    /** Closes the pool's connections, which closes the H2 database and releases its file. */
    @Override
    public void close() {
        try {
            ConnectionPool$.MODULE$.close(ConnectionPool$.MODULE$.DEFAULT_NAME());
        } finally {
            OPEN.set(false);
        }
    }
}
