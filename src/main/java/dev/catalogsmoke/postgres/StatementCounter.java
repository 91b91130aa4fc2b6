package dev.catalogsmoke.postgres;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;

/**
 * Counts the SQL statements that the current check executes, through a JDBC proxy around each session.
 *
 * <p>A statement counts once per {@code execute}, {@code executeQuery}, {@code executeUpdate} or {@code executeBatch}
 * call, on the thread that makes the call; fetching further rows of a streamed result does not count again. What
 * the driver sends for the session itself (startup, {@code setAutoCommit}, {@code commit}, {@code rollback}) does not
 * count. Calls on a thread without {@link #start()} are not counted.
 */
public final class StatementCounter {

    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();

    private static final Set<String> EXECUTE =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch");

    private static final Set<String> CREATE = Set.of("createStatement", "prepareStatement", "prepareCall");

    private StatementCounter() {}

    /** Starts counting on the current thread from zero. */
    public static void start() {
        CURRENT.set(new long[1]);
    }

    /** Stops counting on the current thread and returns the count since {@link #start()}, 0 if never started. */
    public static long stop() {
        long[] count = CURRENT.get();
        CURRENT.remove();
        return count == null ? 0 : count[0];
    }

    /** Wraps a session so that statements created from it are counted. */
    static Connection counting(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (CREATE.contains(method.getName()) && result instanceof Statement statement) {
                return wrap(statement);
            }
            return result;
        });
    }

    private static Statement wrap(Statement statement) {
        InvocationHandler counting = (target, method, args) -> {
            if (EXECUTE.contains(method.getName())) {
                long[] count = CURRENT.get();
                if (count != null) {
                    count[0]++;
                }
            }
            return invoke(statement, method, args);
        };
        if (statement instanceof CallableStatement callable) {
            return proxy(CallableStatement.class, callable, counting);
        }
        if (statement instanceof PreparedStatement prepared) {
            return proxy(PreparedStatement.class, prepared, counting);
        }
        return proxy(Statement.class, statement, counting);
    }

    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        InvocationHandler delegating = (proxy, method, args) -> handler.invoke(target, method, args);
        return type.cast(
                Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, delegating));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
