package org.accord.publication.application;

import java.util.Comparator;
import java.util.List;

import org.accord.problem.InvalidInputException;
import org.accord.publication.config.FeedProperties;
import org.accord.publication.domain.Publication;
import org.accord.publication.domain.Standard;
import org.accord.publication.persistence.StandardQueries;
import org.accord.publication.persistence.StandardQueries.FeedFigures;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * The pages of the Atom feed and the JSON Feed: one entry per published document, the most
 * recently changed first. The entries of page p are among the p x size most recently changed
 * standards (each of those holds at least one of the newest entries), so a page reads no more.
 */
@Service
public class FeedPages {

    private static final Comparator<Entry> NEWEST_FIRST = Comparator
            .comparingLong((Entry e) -> e.publication().lastSequence()).reversed()
            .thenComparing(Comparator.comparingLong((Entry e) -> e.publication().sequence()).reversed());

    private final StandardQueries queries;
    private final FeedProperties properties;

    public FeedPages(StandardQueries queries, FeedProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    /** One published document with its standard. */
    public record Entry(Standard standard, Publication publication) {
    }

    public record Page(int page, int lastPage, List<Entry> entries, FeedFigures figures) {
        public boolean hasNext() {
            return page < lastPage;
        }
    }

    /** What validators are computed from, without reading any entry. */
    public Mono<FeedFigures> figures(String committee) {
        return queries.figures(committee);
    }

    public int lastPage(FeedFigures figures) {
        return (int) Math.max(1, (figures.publications() + properties.pageSize() - 1) / properties.pageSize());
    }

    public void checkPage(int page, FeedFigures figures) {
        if (page < 1 || page > lastPage(figures)) {
            throw new InvalidInputException("page", "the feed has pages 1 to " + lastPage(figures) + ", not " + page);
        }
    }

    public Mono<Page> page(String committee, int page, FeedFigures figures) {
        checkPage(page, figures);
        int size = properties.pageSize();
        return queries.mostRecent(committee, page * size)
                .flatMapIterable(stored -> stored.state().publications().stream()
                        .map(p -> new Entry(stored.state(), p)).toList())
                .sort(NEWEST_FIRST)
                .skip((long) (page - 1) * size)
                .take(size)
                .collectList()
                .map(entries -> new Page(page, lastPage(figures), entries, figures));
    }
}
