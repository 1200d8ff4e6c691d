package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What cannot be answered is an {@link IndexException} with a sentence, never an empty result. */
class ErrorsTest {
    @TempDir
    Path dir;
    private static EventSearch search;

    @BeforeAll
    static void open() throws Exception {
        search = EventSearch.open(List.of(TestBundles.shared().index()));
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    @Test
    void badTimeInARangeIsAnError() {
        assertThatThrownBy(() -> search.count(EventQuery.of("time:[yesterday TO *]")))
                .isInstanceOf(IndexException.class).hasMessageContaining("not \"yesterday\"");
    }

    @Test
    void nonNumericSeqIsAnError() {
        assertThatThrownBy(() -> search.count(EventQuery.of("seq:[a TO 5]")))
                .isInstanceOf(IndexException.class).hasMessageContaining("whole number");
    }

    @Test
    void emptyFolderIsAnIncompleteIndexAndTheMessageSaysWhatToDo() {
        assertThatThrownBy(() -> EventSearch.open(List.of(dir))).isInstanceOf(IndexException.class)
                .hasMessageContaining("search index is damaged or incomplete (its commit file (segments_N) is missing")
                .hasMessageContaining("'sealtrail case verify' lists the files that differ")
                .hasMessageNotContaining("lockFactory");
    }

    @Test
    void folderOfOtherFilesIsNotAnIndex() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> EventSearch.open(List.of(dir))).isInstanceOf(IndexException.class)
                .hasMessageContaining("search index is damaged or incomplete");
    }

    @Test
    void missingFolderIsAnError() {
        assertThatThrownBy(() -> EventSearch.open(List.of(dir.resolve("nope")))).isInstanceOf(IndexException.class)
                .hasMessageContaining("no such index folder");
    }

    @Test
    void indexOfAnotherSchemaVersionMustBeRebuilt() throws Exception {
        try (FSDirectory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            w.setLiveCommitData(Map.of("schema_version", "0", "bundle_id", "x").entrySet());
            w.commit();
        }
        assertThatThrownBy(() -> EventSearch.open(List.of(dir))).isInstanceOf(IndexException.class)
                .hasMessageContaining("schema version 0").hasMessageContaining("import the evidence it was built from");
    }

    @Test
    void sameBundleTwiceIsRefused() {
        assertThatThrownBy(() -> EventSearch.open(List.of(TestBundles.shared().index(), TestBundles.shared().index())))
                .isInstanceOf(IndexException.class).hasMessageContaining("already open");
    }
}
