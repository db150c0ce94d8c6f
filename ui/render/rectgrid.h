#pragma once

#include <QRectF>

#include <cmath>
#include <unordered_map>
#include <vector>

namespace stackplan {

// A uniform grid over rectangles identified by small integers: inserting, removing and asking
// which rectangles may meet a query rect cost time in proportion to the cells covered, so the
// router's obstacle and label look-ups stay flat as diagrams grow.
class RectGrid
{
public:
    explicit RectGrid(double cell = 160) : m_cell(cell) {}

    void insert(int id, const QRectF &r)
    {
        forCells(r, [&](long long key) { m_cells[key].push_back(id); });
    }
    void remove(int id, const QRectF &r)
    {
        forCells(r, [&](long long key) {
            auto it = m_cells.find(key);
            if (it == m_cells.end())
                return;
            auto &v = it->second;
            for (size_t i = 0; i < v.size(); ++i)
                if (v[i] == id) {
                    v[i] = v.back();
                    v.pop_back();
                    break;
                }
        });
    }
    void clear()
    {
        m_cells.clear();
        m_seen.clear();
    }
    // Calls f(id) once for every id whose cells meet `r` (a superset of the rects that intersect).
    template<typename F>
    void query(const QRectF &r, F &&f) const
    {
        ++m_stamp;
        forCells(r, [&](long long key) {
            const auto it = m_cells.find(key);
            if (it == m_cells.end())
                return;
            for (const int id : it->second) {
                if (id >= int(m_seen.size()))
                    m_seen.resize(size_t(id) + 1, 0);
                if (m_seen[size_t(id)] == m_stamp)
                    continue;
                m_seen[size_t(id)] = m_stamp;
                f(id);
            }
        });
    }

private:
    template<typename F>
    void forCells(const QRectF &r, F &&f) const
    {
        const long long x0 = std::floor(r.left() / m_cell), x1 = std::floor(r.right() / m_cell);
        const long long y0 = std::floor(r.top() / m_cell), y1 = std::floor(r.bottom() / m_cell);
        for (long long x = x0; x <= x1; ++x)
            for (long long y = y0; y <= y1; ++y)
                f((x << 32) ^ (y & 0xffffffffLL));
    }

    double m_cell;
    std::unordered_map<long long, std::vector<int>> m_cells;
    mutable std::vector<unsigned> m_seen;
    mutable unsigned m_stamp = 0;
};

} // namespace stackplan
