// Throughput harness for the Java peer parser xiaoyao9184/hj-t212-parser (its streaming core:
// T212Parser framing and CRC over a Reader, SegmentParser + MapSegmentDeserializer for the data
// segment and the nested CP map; no bean validation, which needs javax.validation). Written for
// ecogov's benchmark (docs/performance.md "HJ 212"); it only calls the peer's public API.
// Usage: java -cp CLASSES Hj212PeerBench FRAMES_FILE [SECONDS]
import com.xy.format.hbt212.core.T212Parser;
import com.xy.format.hbt212.core.feature.ParserFeature;
import com.xy.format.segment.base.cfger.Feature;
import com.xy.format.segment.core.feature.SegmentParserFeature;
import com.xy.format.segment.core.SegmentParser;
import com.xy.format.segment.core.deser.MapSegmentDeserializer;
import java.io.CharArrayReader;
import java.io.PushbackReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public class Hj212PeerBench {
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3.0;
        List<String> frames = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8))
            if (line.startsWith("##")) frames.add(line);
        StringBuilder sb = new StringBuilder();
        for (String f : frames) sb.append(f).append("\r\n");
        String stream = sb.toString();
        long streamBytes = stream.getBytes(StandardCharsets.UTF_8).length;
        MapSegmentDeserializer cpDeserializer = new MapSegmentDeserializer();
        // the library's default features (as T212Mapper.enableDefaultParserFeatures sets them)
        int packFeatures = Feature.collectFeatureDefaults(ParserFeature.class);
        int segmentFeatures = Feature.collectFeatureDefaults(SegmentParserFeature.class);
        long total = 0, ok = 0, bytes = 0, sink = 0;
        // warm-up, then the timed run
        for (int phase = 0; phase < 2; phase++) {
            double limit = phase == 0 ? 2.0 : seconds;
            total = 0; ok = 0; bytes = 0;
            long start = System.nanoTime();
            double elapsed = 0;
            while (elapsed < limit) {
                for (int rep = 0; rep < 20; rep++) {
                    T212Parser parser = new T212Parser(new StringReader(stream));
                    parser.setParserFeature(packFeatures);
                    for (int i = 0; i < frames.size(); i++) {
                        total++;
                        try {
                            parser.readHeader();
                            int len = parser.readInt32(10);
                            char[] data = parser.readData(len);
                            int crc = parser.readInt32(16);
                            parser.readFooter();
                            if (T212Parser.crc16Checkout(data, len) != crc) continue;
                            SegmentParser sp = new SegmentParser(new PushbackReader(new CharArrayReader(data)));
                            sp.setParserFeature(segmentFeatures);
                            Map<String, Object> m = cpDeserializer.deserialize(sp);
                            sink += m.size();
                            ok++;
                        } catch (Exception e) {
                            if (phase == 1 && total - ok < 3) System.err.println("peer rejects frame " + i + ": " + e);
                        }
                    }
                    bytes += streamBytes;
                }
                elapsed = (System.nanoTime() - start) / 1e9;
            }
            if (phase == 1)
                System.out.printf("{\"frames\":%d,\"ok\":%d,\"seconds\":%.3f,\"frames_per_s\":%.0f,\"mb_per_s\":%.1f,\"sink\":%d}%n",
                        total, ok, elapsed, total / elapsed, bytes / elapsed / 1e6, sink);
        }
    }
}
