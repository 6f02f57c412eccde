package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Bad engine options: one line on stderr, exit 2, no engine started (nothing is bound). */
class EngineCommandTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "engine --api-version 9.0 | bench engine: --api-version: api version must be one of 8.8, 8.9, but was '9.0'",
        "engine --auth sso | bench engine: auth must be one of none, basic, oauth, but was 'sso'",
        "engine --token-lifetime 60 | bench engine: --token-lifetime applies to --auth oauth only, but auth is none",
        "engine --auth basic --token-port 9000 | bench engine: --token-port applies to --auth oauth only, but auth is basic",
        "engine-bench --tls --token-lifetime 60 | bench engine-bench: --token-lifetime applies to --auth oauth only, but auth is none",
        "engine-bench --auth kerberos | bench engine-bench: auth must be one of none, basic, oauth, but was 'kerberos'"
      })
  void shouldPrintOneLineAndExitTwoWhenAnEngineOptionIsBad(String arguments, String expected) {
    // given
    StringWriter err = new StringWriter();
    CommandLine commandLine = BenchCli.newCommandLine();
    commandLine.setErr(new PrintWriter(err));
    commandLine.setOut(new PrintWriter(new StringWriter()));

    // when
    int exitCode = commandLine.execute(arguments.split(" "));

    // then
    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo(expected);
  }
}
