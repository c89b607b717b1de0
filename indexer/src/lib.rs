//! Veille indexer: reads WARC captures and builds the search index (see issues 4 and 5).
