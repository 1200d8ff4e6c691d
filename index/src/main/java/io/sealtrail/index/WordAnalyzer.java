package io.sealtrail.index;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis of the text fields (schema version 5): StandardAnalyzer's words, lower-cased, but with
 * {@code . - _ / @ :} always between words. Unicode's word rules keep {@code kavya.reddy}, {@code sa_backup}
 * and {@code aws:prod} as one word, so a bare {@code kavya} missed the user an analyst was looking for;
 * here they are {@code kavya reddy}, and typing the whole name still finds it, as a phrase. The separators
 * are replaced one for one before the tokenizer sees them, so offsets stay true and nothing is copied.
 */
final class WordAnalyzer extends Analyzer {

    /** Whether {@code c} separates words in a name or path, in addition to Unicode's word boundaries. */
    static boolean isSeparator(int c) {
        return c == '.' || c == '-' || c == '_' || c == '/' || c == '@' || c == ':';
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new Separators(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    /** Reads the text with each separator turned into a space. */
    private static final class Separators extends FilterReader {
        Separators(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            return isSeparator(c) ? ' ' : c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = off; i < off + n; i++) {
                if (isSeparator(buf[i])) {
                    buf[i] = ' ';
                }
            }
            return n;
        }
    }
}
