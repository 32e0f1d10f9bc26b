package org.ftc.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.gen.GeneratedInstance;
import org.ftc.gen.Instances;
import org.ftc.gen.Numbers;
import org.ftc.instance.Instance;
import org.ftc.net.BatchEvaluation;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.ftc.prop.Weighted;
import org.junit.jupiter.api.Test;

/** What the writers emit, the readers accept, with the same exact values. */
class RoundTripProperties {
    /**
     * Values a valid input can spell: ordinary rationals, and decimals {@code m x 10^(k - f)} written
     * {@code "<m with f fraction digits>e<k>"} with {@code |k| <= 10,000}, often at the limit, whose
     * fraction form is over 10,000 characters.
     */
    static Gen<Rational> numbers() {
        Gen<Integer> exponent = Gens.frequency(List.of(
                Weighted.of(1, Gens.ints(-10_000, 10_000)),
                Weighted.of(1, Gens.ints(9_990, 10_000)),
                Weighted.of(1, Gens.ints(-10_000, -9_990))));
        Gen<Rational> decimals = Gens.zip(Gens.ints(-500, 500), Gens.ints(0, 4), exponent,
                (m, f, k) -> Rational.of(m).multiply(Numbers.powerOfTen(k - f)));
        return Gens.frequency(List.of(Weighted.of(1, Numbers.mixed()), Weighted.of(2, decimals)));
    }

    /**
     * Hex spellings a valid input may use, long ones included: {@code h} hex digits (up to 9,000),
     * {@code f} fraction digits, binary exponent within the limit. Returns {text, value}.
     */
    static Gen<String> hexSpellings() {
        Gen<Integer> length = Gens.frequency(List.of(Weighted.of(2, Gens.ints(1, 40)), Weighted.of(1, Gens.ints(2_000, 9_000))));
        Gen<Integer> exponent = Gens.frequency(List.of(
                Weighted.of(1, Gens.ints(-10_000, 10_000)),
                Weighted.of(1, Gens.ints(9_990, 10_000)),
                Weighted.of(1, Gens.ints(-10_000, -9_990))));
        return Gens.zip(length, Gens.ints(0, 3), exponent, Gens.longs(0, Long.MAX_VALUE), (h, f, e, seed) -> {
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < h; i++) digits.append("0123456789abcdef".charAt(i == 0 ? 1 + rnd.nextInt(15) : rnd.nextInt(16)));
            String mantissa = f == 0 || f >= h ? digits.toString() : digits.substring(0, h - f) + "." + digits.substring(h - f);
            return (rnd.nextBoolean() ? "-" : "") + "0x" + mantissa + "p" + e;
        });
    }

    @Test
    void everyHexSpellingIsWrittenBackWithinTheLimit() {
        Property.forAll(hexSpellings()).printer(t -> t.length() > 80 ? t.substring(0, 40) + "... (" + t.length() + " characters)" : t)
                .cover("fraction form over the limit", 3)
                .check((text, ctx) -> {
                    Rational q = NumberParser.DEFAULT.parse(text);
                    ctx.classify(q.toString().length() > ReadLimits.DEFAULT.maxNumberLength(), "fraction form over the limit");
                    String written = NumberWriter.format(q);
                    assertThat(written.length()).as(written.length() + " characters").isLessThanOrEqualTo(ReadLimits.DEFAULT.maxNumberLength());
                    assertThat(NumberParser.DEFAULT.parse(written)).isEqualTo(q);
                });
    }

    @Test
    void everyWrittenNumberReadsBackExactlyAndWithinTheLimit() {
        Property.forAll(numbers()).cover("fraction form over the limit", 3).check((q, ctx) -> {
            String text = NumberWriter.format(q);
            ctx.classify(q.toString().length() > ReadLimits.DEFAULT.maxNumberLength(), "fraction form over the limit");
            assertThat(NumberParser.DEFAULT.parse(text)).isEqualTo(q);
            assertThat(text.length()).isLessThanOrEqualTo(Math.max(q.toString().length(), 1));
        });
    }

    @Test
    void writtenInstancesReadBackToTheSameInstance() {
        Property.forAll(Instances.instances(2, 6, 30)).printer(GeneratedInstance::toString).check((gi, ctx) -> {
            Instance a = gi.instance();
            Instance b = InstanceCodec.DEFAULT.read(InstanceCodec.write(a));
            assertThat(b.sampleCount()).isEqualTo(a.sampleCount());
            for (int i = 0; i < a.sampleCount(); i++) assertThat(b.sample(i)).containsExactly(a.sample(i));
            assertThat(b.changes()).isEqualTo(a.changes());
            assertThat(b.depth()).isEqualTo(a.depth());
            // The pre-trained network reads back to the same function (checked on the samples).
            assertThat(BatchEvaluation.evaluate(b.pretrained(), b.samples())).containsExactly(BatchEvaluation.evaluate(a.pretrained(), a.samples()));
        });
    }

    @Test
    void tinyLabelAtTheExponentLimitSurvivesConstructAndVerify() throws Exception {
        // The reviewer's case: a label of 1e-10000 (fraction form 10,003 characters).
        String doc = "{\"format\":\"ftc-instance\",\"version\":1,\"samples\":[[\"1\"]],\"changes\":[{\"index\":0,\"label\":\"1e-10000\"}],\"depth\":2}";
        Instance inst = InstanceCodec.DEFAULT.read(doc);
        Instance again = InstanceCodec.DEFAULT.read(InstanceCodec.write(inst));
        assertThat(again.changes()).isEqualTo(inst.changes());
        var g = org.ftc.construct.TwoLayerHats.construct(org.ftc.arith.RationalField.INSTANCE, inst);
        var read = NetworkCodec.DEFAULT.read(NetworkCodec.write(g));
        assertThat(org.ftc.instance.FineTuneCheck.check(inst, read).fineTuned()).isTrue();
    }
}
