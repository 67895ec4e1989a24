// GB 3838-2002 single items against tests/vectors/water_*.csv: every class boundary of every item
// on both sides, pH, DO, TP by water body, rounding, detection limits, Table 2, exceedance
// multiples and CWQI item terms. A missing vector file fails.
#include <gtest/gtest.h>

#include <string>

#include "aqi_vector_csv.hpp"
#include "core/decimal.hpp"
#include "standards/water/cwqi.hpp"
#include "standards/water/section.hpp"
#include "standards/water/values.hpp"

namespace ecogov::water {
namespace {

struct Parsed {
    WaterItem item;
    WaterBody body;
    WaterValue value;
};

/// Item, water body (river when the column is absent) and value of a vector row.
std::optional<Parsed> parse_row(const test::VectorRow& row) {
    const auto item = find_item(row.at("item"));
    const auto body =
        row.at("water_body").empty() ? WaterBody::river : parse_water_body(row.at("water_body"));
    if (!item || !body) return std::nullopt;
    auto value = parse_value(*item, row.at("value"));
    if (!value) return std::nullopt;
    return Parsed{*item, *body, *value};
}

std::string trace(const test::VectorFile& f, const test::VectorRow& row) {
    return f.path + ":" + std::to_string(row.line) + " " + row.at("item") + " " + row.at("value") +
           " " + row.at("case");
}

TEST(WaterItemVectors, ClassBoundaries) {
    const auto file = test::read_vectors("water_item_class.csv");
    ASSERT_TRUE(file.error.empty()) << file.error;
    std::array<int, kWaterItemCount> per_item{};
    for (const auto& row : file.rows) {
        SCOPED_TRACE(trace(file, row));
        const auto p = parse_row(row);
        ASSERT_TRUE(p.has_value()) << "malformed vector row";
        const auto cls = class_of(p->item, p->body, p->value);
        ASSERT_TRUE(cls.has_value());
        EXPECT_EQ(class_text(*cls), row.at("expected"));
        ++per_item[index_of(p->item)];
    }
    // Every classified basic item has its boundaries (3 rows per distinct limit; Cu has 2 limits).
    for (const ItemInfo& i : all_items()) {
        if (is_supplementary(i.item) || i.item == WaterItem::temperature) continue;
        EXPECT_GE(per_item[index_of(i.item)], 6) << i.id;
    }
    EXPECT_GE(file.rows.size(), 290u);
}

TEST(WaterItemVectors, SupplementaryPassFail) {
    const auto file = test::read_vectors("water_supplementary.csv");
    ASSERT_TRUE(file.error.empty()) << file.error;
    for (const auto& row : file.rows) {
        SCOPED_TRACE(trace(file, row));
        const auto p = parse_row(row);
        ASSERT_TRUE(p.has_value()) << "malformed vector row";
        ASSERT_TRUE(is_supplementary(p->item));
        EXPECT_EQ(passes_supplementary(p->item, p->value) ? "pass" : "fail", row.at("expected"));
        EXPECT_EQ(class_of(p->item, p->body, p->value), std::nullopt);
    }
}

TEST(WaterItemVectors, ExceedanceMultiples) {
    const auto file = test::read_vectors("water_exceedance.csv");
    ASSERT_TRUE(file.error.empty()) << file.error;
    for (const auto& row : file.rows) {
        SCOPED_TRACE(trace(file, row));
        const auto p = parse_row(row);
        ASSERT_TRUE(p.has_value()) << "malformed vector row";
        const auto m = exceedance_centi(p->item, p->body, p->value);
        EXPECT_EQ(m ? format_scaled(*m, 2) : std::string("NA"), row.at("expected"));
    }
}

TEST(WaterItemVectors, CwqiTerms) {
    const auto file = test::read_vectors("water_cwqi_terms.csv");
    ASSERT_TRUE(file.error.empty()) << file.error;
    for (const auto& row : file.rows) {
        SCOPED_TRACE(trace(file, row));
        const auto p = parse_row(row);
        ASSERT_TRUE(p.has_value()) << "malformed vector row";
        const auto term = cwqi_term(p->item, p->body, p->value);
        EXPECT_EQ(term ? format_scaled(round_fraction(*term, 4), 4) : std::string("NA"),
                  row.at("expected"));
    }
}

TEST(WaterItems, NamesAliasesAndCodes) {
    EXPECT_EQ(find_item("NH3-N"), WaterItem::nh3n);
    EXPECT_EQ(find_item("nh3-n"), WaterItem::nh3n);
    EXPECT_EQ(find_item("氨氮"), WaterItem::nh3n);
    EXPECT_EQ(find_item("W21003"), WaterItem::nh3n);
    EXPECT_EQ(find_item("w01010"), WaterItem::temperature);
    EXPECT_EQ(find_item("w02003"), WaterItem::fecal_coliform);
    EXPECT_EQ(find_item(" CODMn "), WaterItem::codmn);
    EXPECT_EQ(find_item("COD"), WaterItem::cod);
    EXPECT_EQ(find_item("xyz"), std::nullopt);
    EXPECT_EQ(find_item(""), std::nullopt);
    int routine = 0;
    for (const ItemInfo& i : all_items()) {
        EXPECT_EQ(find_item(i.id), i.item) << i.id;
        EXPECT_EQ(find_item(i.name_zh), i.item) << i.id;
        if (!i.w_code.empty()) {
            EXPECT_EQ(find_item(i.w_code), i.item) << i.id;
        }
        routine += is_routine(i.item) ? 1 : 0;
    }
    EXPECT_EQ(routine, 21);  // 《地表水环境质量评价办法》: Table 1 minus 水温, TN, 粪大肠菌群
    EXPECT_FALSE(is_routine(WaterItem::tn));
    EXPECT_FALSE(is_routine(WaterItem::sulfate));
}

TEST(WaterValues, BadValuesSayWhy) {
    EXPECT_FALSE(parse_value(WaterItem::cod, "abc").has_value());
    EXPECT_FALSE(parse_value(WaterItem::cod, "-1").has_value());
    EXPECT_FALSE(parse_value(WaterItem::cod, "").has_value());
    EXPECT_FALSE(parse_value(WaterItem::cod, "<").has_value());
    EXPECT_FALSE(parse_value(WaterItem::cod, "<0").has_value());
    EXPECT_FALSE(parse_value(WaterItem::ph, "ND").has_value());
    EXPECT_FALSE(parse_value(WaterItem::temperature, "<1").has_value());
    const auto bad = parse_value(WaterItem::cod, "1,5");
    ASSERT_FALSE(bad.has_value());
    EXPECT_NE(bad.error().message.find("'1,5'"), std::string::npos);
    EXPECT_EQ(value_text(WaterItem::tp, *parse_value(WaterItem::tp, "0.1")), "0.100");
    EXPECT_EQ(value_text(WaterItem::cu, *parse_value(WaterItem::cu, "<0.010")), "<0.01");
    EXPECT_EQ(value_text(WaterItem::cu, *parse_value(WaterItem::cu, "ND")), "ND");
}

TEST(WaterClasses, LabelsAndTargets) {
    EXPECT_EQ(label_of(WaterClass::i), "优");
    EXPECT_EQ(label_of(WaterClass::ii), "优");
    EXPECT_EQ(label_of(WaterClass::iii), "良好");
    EXPECT_EQ(label_of(WaterClass::iv), "轻度污染");
    EXPECT_EQ(label_of(WaterClass::v), "中度污染");
    EXPECT_EQ(label_of(WaterClass::worse_than_v), "重度污染");
    EXPECT_EQ(class_text(WaterClass::worse_than_v), "劣V");
    EXPECT_EQ(parse_class("劣V"), WaterClass::worse_than_v);
    EXPECT_EQ(parse_class("IV"), WaterClass::iv);
    EXPECT_TRUE(attains(WaterClass::ii, WaterClass::iii));
    EXPECT_TRUE(attains(WaterClass::iii, WaterClass::iii));
    EXPECT_FALSE(attains(WaterClass::iv, WaterClass::iii));
    EXPECT_EQ(class_of_value(WaterItem::temperature, WaterBody::river, 2000000), std::nullopt);
}

}  // namespace
}  // namespace ecogov::water
