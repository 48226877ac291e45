package dev.switchboard.core.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts the statements executed through it and the SQL errors they raised, so a
 * test can prove that a normal path raises none (each one is an {@code ERROR} line in the
 * database's log and a rolled-back transaction).
 */
public final class SqlErrorCounter implements DataSource {

  private final DataSource delegate;
  private final AtomicInteger statements = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();

  /**
   * Wraps a data source.
   *
   * @param delegate the real one
   */
  public SqlErrorCounter(DataSource delegate) {
    this.delegate = delegate;
  }

  /**
   * Returns how many statements ran.
   *
   * @return the count
   */
  public int statements() {
    return statements.get();
  }

  /**
   * Returns how many statements failed.
   *
   * @return the count
   */
  public int errors() {
    return errors.get();
  }

  private Connection wrap(Connection connection) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          Object result = invoke(connection, method, args);
          if (result instanceof Statement statement) {
            return wrap(statement, method.getReturnType());
          }
          return result;
        };
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private Object wrap(Statement statement, Class<?> type) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          boolean executes = method.getName().startsWith("execute");
          if (executes) {
            statements.incrementAndGet();
          }
          try {
            return invoke(statement, method, args);
          } catch (SQLException e) {
            if (executes) {
              errors.incrementAndGet();
            }
            throw e;
          }
        };
    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(delegate.getConnection(username, password));
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("dev.switchboard");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
