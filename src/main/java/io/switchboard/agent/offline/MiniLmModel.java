package io.switchboard.agent.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;

import org.jboss.logging.Logger;

import sun.misc.Unsafe;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * all-minilm-l6-v2 from its LangChain4j jar, run in the calling thread. The library's own session spins a thread
 * per core waiting for work and keeps a growing memory arena; on a small shared machine one plain thread is faster
 * under load and keeps the process small.
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {
    private static final Logger LOG = Logger.getLogger(MiniLmModel.class);
    private static final String MODEL = "all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
    private final OnnxBertBiEncoder encoder;

    MiniLmModel() {
        super(Runnable::run);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                InputStream tokenizer = resource(TOKENIZER)) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            ByteBuffer model = modelBytes();
            OrtSession session = environment.createSession(model, options);
            free(model);
            encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (OrtException e) {
            throw new IllegalStateException("The embedding model could not be loaded", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }

    /** Off the heap: 90 MB read once would otherwise make the heap grow for good. */
    private static ByteBuffer modelBytes() throws IOException {
        try (InputStream in = resource(MODEL)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(100 * 1024 * 1024);
            byte[] chunk = new byte[1 << 16];
            for (int n; (n = in.read(chunk)) > 0;) {
                buffer.put(chunk, 0, n);
            }
            return buffer.flip();
        }
    }

    /**
     * The session keeps its own copy of the weights: the 100 MB read for it is given back now rather than whenever a
     * full collection happens to reach the buffer, which on a quiet service can be never.
     */
    private static void free(ByteBuffer buffer) {
        try {
            Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            ((Unsafe) field.get(null)).invokeCleaner(buffer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debugf("The model's load buffer is left to the garbage collector: %s", e.getMessage());
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MiniLmModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path");
        }
        return in;
    }
}
