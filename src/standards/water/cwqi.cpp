#include "standards/water/cwqi.hpp"

namespace ecogov::water {

namespace {

constexpr std::int64_t kDoStandard = 5 * kWaterScale;  // S(DO) = 5 mg/L
constexpr std::int64_t kPhNeutral = 7 * kWaterScale;

Wide gcd(Wide a, Wide b) noexcept {
    if (a < 0) a = -a;
    while (b != 0) {
        const Wide t = a % b;
        a = b;
        b = t;
    }
    return a == 0 ? 1 : a;
}

Fraction reduced(Wide num, Wide den) noexcept {
    const Wide g = gcd(num, den);
    return {num / g, den / g};
}

Fraction add(Fraction a, Fraction b) noexcept {
    const Wide g = gcd(a.den, b.den);
    const Wide den = a.den / g * b.den;
    return reduced(a.num * (den / a.den) + b.num * (den / b.den), den);
}

}  // namespace

std::optional<Fraction> cwqi_term(WaterItem item, WaterBody body, const WaterValue& v) noexcept {
    if (!is_routine(item)) return std::nullopt;
    const Wide twice = v.twice_for_mean();  // 2C
    if (item == WaterItem::ph) {
        const Wide d = twice - 2 * kPhNeutral;            // 2(pH - 7)
        if (d <= 0) return reduced(-d, 2 * kWaterScale);  // (7 - pH) / 1
        return reduced(d, 4 * kWaterScale);               // (pH - 7) / 2
    }
    if (item == WaterItem::dissolved_oxygen) {
        if (twice == 0) return std::nullopt;
        return reduced(2 * static_cast<Wide>(kDoStandard), twice);
    }
    return reduced(twice, 2 * static_cast<Wide>(limits(item, body)[2]));
}

std::optional<std::int64_t> cwqi_centi(WaterBody body, const ItemValues& values) noexcept {
    Fraction sum{0, 1};
    bool any = false;
    for (const ItemInfo& i : all_items()) {
        const auto& v = values[index_of(i.item)];
        if (!v || !is_routine(i.item)) continue;
        const auto term = cwqi_term(i.item, body, *v);
        if (!term) return std::nullopt;
        sum = add(sum, *term);
        any = true;
    }
    if (!any) return std::nullopt;
    return round_fraction(sum, 2);
}

std::int64_t round_fraction(Fraction f, int decimals) noexcept {
    const Wide num = f.num * pow10(decimals);
    Wide q = num / f.den;
    const Wide twice_rem = 2 * (num - q * f.den);
    if (twice_rem > f.den || (twice_rem == f.den && (q & 1))) ++q;
    return static_cast<std::int64_t>(q);
}

}  // namespace ecogov::water
