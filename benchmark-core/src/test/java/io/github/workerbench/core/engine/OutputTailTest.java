package io.github.workerbench.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputTailTest {

  @Test
  void shouldJoinChunksIntoLinesWhenFramesSplitThem() {
    // given
    OutputTail tail = new OutputTail(10);

    // when
    tail.append("engine rea");
    tail.append("dy\r\nsecond line\nthird ");
    tail.append("unfinished");

    // then
    assertThat(tail.lines()).containsExactly("engine ready", "second line", "third unfinished");
  }

  @Test
  void shouldKeepOnlyTheLastLinesWhenMoreArrive() {
    // given
    OutputTail tail = new OutputTail(3);

    // when
    for (int i = 1; i <= 10; i++) {
      tail.append("line " + i + "\n");
    }

    // then
    assertThat(tail.lines()).containsExactly("line 8", "line 9", "line 10");
  }

  @Test
  void shouldHoldTheWholeOutputWhenReplacedWithIt() {
    // given
    OutputTail tail = new OutputTail(2);
    tail.append("partial");

    // when
    tail.replaceWith("a\nb\nc\n");

    // then
    assertThat(tail.lines()).containsExactly("b", "c");
  }
}
