package dev.lantern.agents.run.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StateWriterTest {

    private static byte[] sample() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter w = new StateWriter(bytes)) {
            w.section("a").writeLong(-5).writeInt(7).writeDouble(Double.NaN).writeBoolean(true).writeString("probe");
            w.section("b").writeLongs(new long[] {1, 2}).writeInts(new int[] {3}).writeDoubles(new double[] {-0.0, 1e-300})
                    .writeFloats(new float[] {Float.MIN_VALUE}).writeBooleans(new boolean[] {false, true});
            w.writeArray(Nd4j.create(new float[] {1.5f, 2.5f, 3.5f, 4.5f}, new long[] {2, 2}, 'c'));
        }
        return bytes.toByteArray();
    }

    @Test
    void everyValueComesBackBitForBit() {
        try (StateReader r = new StateReader(new ByteArrayInputStream(sample()), "test")) {
            r.section("a");
            assertEquals(-5, r.readLong());
            assertEquals(7, r.expectInt(7, "seven"));
            assertTrue(Double.isNaN(r.readDouble()));
            assertTrue(r.readBoolean());
            assertEquals("probe", r.readString());
            r.section("b");
            assertArrayEquals(new long[] {1, 2}, r.readLongs());
            assertArrayEquals(new int[] {3}, r.readInts());
            double[] d = r.readDoubles(2, "doubles");
            assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(d[0]));
            assertEquals(1e-300, d[1]);
            assertArrayEquals(new float[] {Float.MIN_VALUE}, r.readFloats());
            assertTrue(Arrays.equals(new boolean[] {false, true}, r.readBooleans()));
            INDArray target = Nd4j.zeros(DataType.FLOAT, 2, 2);
            r.readArrayInto(target, "array");
            assertArrayEquals(new float[] {1.5f, 2.5f, 3.5f, 4.5f}, target.dup('c').data().asFloat());
            r.expectEnd();
        }
    }

    @Test
    void readingTheWrongThingNamesTheSectionAndWhatWasExpected() {
        StateReader r = new StateReader(new ByteArrayInputStream(sample()), "agent.state");
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> r.section("dqn"));
        assertTrue(e.getMessage().contains("agent.state") && e.getMessage().contains("expected section 'dqn'")
                && e.getMessage().contains("found section 'a'"), e.getMessage());
        StateReader r2 = new StateReader(new ByteArrayInputStream(sample()), "agent.state");
        r2.section("a");
        e = assertThrows(CheckpointFormatException.class, () -> r2.readInt());
        assertTrue(e.getMessage().contains("section 'a'") && e.getMessage().contains("expected an int"), e.getMessage());
        StateReader r3 = new StateReader(new ByteArrayInputStream(sample()), "agent.state");
        r3.section("a").readLong();
        e = assertThrows(CheckpointFormatException.class, () -> r3.expectInt(8, "the rollout size"));
        assertTrue(e.getMessage().contains("the rollout size is 7 in the checkpoint but 8 in this run"), e.getMessage());
    }

    @Test
    void truncatedAndForeignFilesAreReportedNotMisread() {
        byte[] full = sample();
        StateReader cut = new StateReader(new ByteArrayInputStream(Arrays.copyOf(full, 30)), "agent.state");
        cut.section("a");
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> {
            cut.readLong();
            cut.readInt();
            cut.readDouble();
            cut.readBoolean();
            cut.readString();
        });
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        e = assertThrows(CheckpointFormatException.class,
                () -> new StateReader(new ByteArrayInputStream("{\"json\": 1}".getBytes()), "agent.state"));
        assertTrue(e.getMessage().contains("not a Lantern state file"), e.getMessage());
    }
}
