package org.ftc.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.ftc.cli.Ftc;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ftc bounds}: every bound by name, the exact FTC_2 with --K, any depth. Expected numbers worked out by hand. */
class BoundsCommandTest {
    record Run(int status, String out, String err) {
    }

    static Run ftc(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Ftc.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void depthTwoWithKGivesTheExactValue() {
        // N = 2, K = 4: a zigzag of 4 samples needs K - 1 = 3 (MB is only 2); N = 3, K = 10: min(9, 8) = 8
        assertThat(ftc("bounds", "2", "--depth", "2", "--K", "4").out()).contains("FTC_2(2, 4) = 3");
        Run r = ftc("bounds", "3", "--depth", "2", "--K", "10");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("FTC_2(3, 10) = 8").contains("T2U (hats: 3N)").contains("not with --K 10");
    }

    @Test
    void depthThreeShowsEveryLowerBoundAndTheRange() {
        // N = 100: T3L 33 (least m with m + floor(m/2) ceil(m/2) >= 300: 33 + 16 * 17 = 305, 32 + 256 = 288),
        // T3S 37, PC 18 ((m + 2)^2 / 4 >= 100), B3(100) = min_M 2M - 1 + 4 ceil(100/M): M = 13: 25 + 32 = 57 (M = 12, 14: 59)
        Run r = ftc("bounds", "100", "--depth", "3");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("T3L \\(LR3[^\\n]* 33 ").containsPattern("T3S \\(signed[^\\n]* 37 ")
                .containsPattern("PC \\(global[^\\n]* 18 ").contains("37 <= FTC_3(100, K) <= 57");
    }

    @Test
    void anyDepthUsesTheLargerOfLrlAndParameterCounting() {
        // depth 5, N = 1000: LRL needs prod (m_l + 1) >= 3001 over 4 layers, about 4 * 3001^(1/4) - 4 = 25 neurons
        Run r = ftc("bounds", "1000", "--depth", "5");
        assertThat(r.status()).as(r.err()).isZero();
        long lrl = Budget.depthLowerOnHardInstance(5, 1000), pc = Budget.parameterCountingLower(5, 1000);
        // PC: least m with (m + 2)^2 / 4 >= 1000 (rounded): m = 62 (32 * 32 = 1024; m = 61: 31 * 32 = 992)
        assertThat(pc).isEqualTo(62);
        assertThat(lrl).isLessThan(pc);
        assertThat(r.out()).contains("lower 62 (the larger of LRL and PC)").contains("whether depth 5 beats depth 3 is open");
        assertThat(ftc("bounds", "10", "--depth", "1").status()).isEqualTo(Ftc.BAD_INPUT);
        assertThat(ftc("bounds", "10", "--K", "5").status()).isEqualTo(Ftc.BAD_INPUT);
    }
}
