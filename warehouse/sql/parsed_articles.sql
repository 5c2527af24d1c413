-- Grain: one row per parsed article (key: landed_date, article_id).
create table parsed.articles (
    article_id varchar not null,
    landed_date date not null,
    source_file varchar not null,
    title varchar,
    standfirst varchar,
    headings varchar[] not null,
    paragraphs varchar[] not null,
    paragraph_languages varchar[] not null,
    removed_blocks struct(text varchar, reason varchar)[] not null,
    language varchar,
    published date,
    published_basis varchar,
    source varchar,
    url varchar,
    word_count integer not null,
    parser_version varchar not null
);
