package org.accord.publication.api;

import java.util.List;

/** A page of a list: items, the 1-based page number, the page size and the total count. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
