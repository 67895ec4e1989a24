// SQLite placeholder rewriting: `$N` → `?N` outside literals, identifiers and comments.
#include <gtest/gtest.h>

#include "storage/sqlite/placeholders.hpp"

namespace ecogov::storage::sqlite {

TEST(StoragePlaceholders, RewritesNumberedPlaceholders) {
    EXPECT_EQ(rewrite_placeholders("SELECT a FROM t WHERE b = $2 AND c = $1"),
              "SELECT a FROM t WHERE b = ?2 AND c = ?1");
    EXPECT_EQ(rewrite_placeholders("VALUES ($10,$11)"), "VALUES (?10,?11)");
}

TEST(StoragePlaceholders, LeavesLiteralsIdentifiersAndCommentsAlone) {
    EXPECT_EQ(rewrite_placeholders("SELECT '$1', 'it''s $2', \"col$3\" FROM t -- $4\nWHERE x=$5"),
              "SELECT '$1', 'it''s $2', \"col$3\" FROM t -- $4\nWHERE x=?5");
    EXPECT_EQ(rewrite_placeholders("/* $1 */ SELECT $1"), "/* $1 */ SELECT ?1");
}

TEST(StoragePlaceholders, LeavesADollarWithoutDigitsAlone) {
    EXPECT_EQ(rewrite_placeholders("SELECT $ , $a"), "SELECT $ , $a");
    EXPECT_EQ(rewrite_placeholders("SELECT 'unterminated $1"), "SELECT 'unterminated $1");
}

}  // namespace ecogov::storage::sqlite
