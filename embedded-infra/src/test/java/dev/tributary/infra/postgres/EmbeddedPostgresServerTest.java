package dev.tributary.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

  @Test
  void answersQueriesOverJdbc() throws SQLException {
    try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.builder().build().start();
         Connection connection = connect(pg);
         Statement statement = connection.createStatement()) {
      assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + pg.port() + "/postgres");
      assertThat(single(statement, "select 1")).isEqualTo("1");

      statement.execute("create table events (id int primary key, name text)");
      statement.execute("insert into events values (1, 'page_view')");

      assertThat(single(statement, "select name from events where id = 1")).isEqualTo("page_view");
    }
  }

  @Test
  void persistentDataDirKeepsTablesAcrossRestart(@TempDir Path dataDir) throws SQLException {
    EmbeddedPostgresServer.Builder builder = EmbeddedPostgresServer.builder().dataDir(dataDir.resolve("pgdata"));
    try (EmbeddedPostgresServer first = builder.build().start();
         Connection connection = connect(first);
         Statement statement = connection.createStatement()) {
      statement.execute("create table kept (v text)");
      statement.execute("insert into kept values ('still here')");
    }

    try (EmbeddedPostgresServer second = builder.build().start();
         Connection connection = connect(second);
         Statement statement = connection.createStatement()) {
      assertThat(single(statement, "select v from kept")).isEqualTo("still here");
    }
  }

  private static Connection connect(EmbeddedPostgresServer pg) throws SQLException {
    return DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }
}
