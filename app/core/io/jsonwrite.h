#pragma once

// Small helpers shared by every JSON writer (the project file, findings, bills, profiles).

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

namespace stackplan::jsonwrite {

using ojson = nlohmann::ordered_json;

inline std::string str(const QString &s)
{
    return s.toStdString();
}

// Whole numbers are written without a fraction ("512", not "512.0"), so files stay stable.
inline ojson num(double v)
{
    if (std::floor(v) == v && std::fabs(v) < 9.0e15)
        return ojson(static_cast<std::int64_t>(v));
    return ojson(v);
}

// A number, or null when it is not known.
inline ojson num(const std::optional<double> &v)
{
    return v ? num(*v) : ojson(nullptr);
}

inline ojson strings(const QStringList &list)
{
    ojson a = ojson::array();
    for (const auto &s : list)
        a.push_back(str(s));
    return a;
}

} // namespace stackplan::jsonwrite
