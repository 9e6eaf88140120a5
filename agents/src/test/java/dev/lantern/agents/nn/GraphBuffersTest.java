package dev.lantern.agents.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link GraphBuffers#params} is the buffer {@code params()} views (the same values, writes through one seen through
 * the other), the same object from call to call; a {@link GraphBuffers.View} is kept while the buffer is the same
 * object and made anew for another.
 */
class GraphBuffersTest {

    @Test
    void paramsIsTheGraphsOwnBuffer() {
        ActorCriticNet net = ActorCriticNet.create(6, 3, new int[] {5, 4}, 1e-2, 0, 3, DataType.FLOAT);
        INDArray own = GraphBuffers.params(net.graph());
        assertSame(own, GraphBuffers.params(net.graph()));
        assertEquals(net.graph().params().data().address(), own.data().address());
        assertEquals(0, own.offset());
        assertArrayEquals(net.params().data().asFloat(), own.data().asFloat());
        own.putScalar(0, 0, 123.5f);
        assertEquals(123.5f, net.params().getFloat(0), 0);
        net.params().putScalar(1, -7f);
        assertEquals(-7f, own.getFloat(1), 0);
    }

    @Test
    void viewIsKeptWhileTheBufferIsTheSame() {
        INDArray a = Nd4j.create(DataType.FLOAT, 4);
        INDArray b = Nd4j.create(DataType.FLOAT, 4);
        GraphBuffers.View view = new GraphBuffers.View();
        FloatBuffer first = (FloatBuffer) view.of(a);
        assertSame(first, view.of(a));
        first.put(2, 5f);
        assertEquals(5f, a.getFloat(2), 0);
        FloatBuffer other = (FloatBuffer) view.of(b);
        assertNotSame(first, other);
        other.put(3, 9f);
        assertEquals(9f, b.getFloat(3), 0);
        assertEquals(0f, a.getFloat(3), 0);
    }
}
