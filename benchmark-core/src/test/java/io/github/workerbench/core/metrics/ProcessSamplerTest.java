package io.github.workerbench.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSamplerTest {

  @Test
  void shouldReportPlausibleFiguresWhenTheProcessDidWork() {
    // given
    ProcessSampler sampler = new ProcessSampler(Duration.ofMillis(10));
    sampler.start();
    // when: allocate and compute something measurable
    long sum = 0;
    byte[][] blocks = new byte[64][];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = new byte[256 * 1024];
      sum += blocks[i].length;
    }
    ProcessUsage usage = sampler.stop();
    // then: the 16 MiB still held show in the heap peak; allocating them took CPU time
    assertThat(Arrays.stream(blocks).mapToLong(block -> block.length).sum()).isEqualTo(sum);
    assertThat(sum).isEqualTo(16L * 1024 * 1024);
    assertThat(usage.heapPeakMb()).isGreaterThanOrEqualTo(16);
    assertThat(usage.peakThreads()).isGreaterThanOrEqualTo(2);
    assertThat(usage.cpuSeconds()).isPositive();
    assertThat(usage.gcSeconds()).isGreaterThanOrEqualTo(0);
    if (usage.rssAvailable()) {
      assertThat(usage.maxRssMb()).isGreaterThan(usage.heapPeakMb() / 4);
    } else {
      assertThat(usage.maxRssMb()).isZero();
    }
  }

  @Test
  void shouldReadTheKilobytesWhenTheStatusLineIsPresent(@TempDir Path dir) throws IOException {
    // given
    Path status = dir.resolve("status");
    Files.writeString(status, "Name:\tjava\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n");
    // when / then
    assertThat(ProcessSampler.statusKb(status, "VmRSS:")).isEqualTo(102400);
    assertThat(ProcessSampler.statusKb(status, "VmHWM:")).isEqualTo(204800);
    assertThat(ProcessSampler.statusKb(status, "VmSwap:")).isEqualTo(-1);
    assertThat(ProcessSampler.statusKb(dir.resolve("missing"), "VmRSS:")).isEqualTo(-1);
  }

  @Test
  void shouldRefuseWhenStoppedBeforeStarted() {
    // given
    ProcessSampler sampler = new ProcessSampler();
    // when / then
    assertThatThrownBy(sampler::stop).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldLeaveOutAChildWhenItSharesItsParentsMemoryBeforeItsExec() {
    // given a child between clone and exec: its parent's executable and virtual size
    Path java = Path.of("/usr/lib/jvm/some-jdk/bin/java");
    // when
    boolean shares = ProcessSampler.sharesParentMemory(java, 4_000_500, java, 4_000_000);
    // then
    assertThat(shares).isTrue();
  }

  @Test
  void shouldCountAChildWhenItIsAJvmOfItsOwn() {
    // given a child JVM of the process strategy: same executable, its own (smaller) address space
    Path java = Path.of("/usr/lib/jvm/some-jdk/bin/java");
    // when
    boolean shares = ProcessSampler.sharesParentMemory(java, 2_500_000, java, 4_000_000);
    // then
    assertThat(shares).isFalse();
  }

  @Test
  void shouldCountAChildWhenItRunsAnotherExecutable() {
    // given
    Path java = Path.of("/usr/lib/jvm/some-jdk/bin/java");
    // when
    boolean shares = ProcessSampler.sharesParentMemory(Path.of("/usr/bin/sleep"), 4_000_000, java, 4_000_000);
    // then
    assertThat(shares).isFalse();
  }

  @Test
  void shouldCountAChildWhenItsFiguresAreUnreadable() {
    // given
    Path java = Path.of("/usr/lib/jvm/some-jdk/bin/java");
    // when / then
    assertThat(ProcessSampler.sharesParentMemory(null, 4_000_000, java, 4_000_000)).isFalse();
    assertThat(ProcessSampler.sharesParentMemory(java, -1, java, 4_000_000)).isFalse();
  }
}
