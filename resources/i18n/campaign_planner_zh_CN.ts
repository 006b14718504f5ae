<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/help/about.py" line="+58"/>
        <source>About Omnichannel Campaign Planner</source>
        <translation>关于 Omnichannel Campaign Planner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan cross-channel marketing campaigns offline, keep each plan in one file, and split the budget between brand and promotion.</source>
        <translation>离线规划跨渠道营销活动，每个计划保存为一个文件，并在品牌与效果之间分配预算。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plan file format</source>
        <translation>计划文件格式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versions</source>
        <translation>版本信息</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the versions for a bug report</source>
        <translation>复制版本信息，用于报告问题</translation>
    </message>
</context>
<context>
    <name>BrandGauge</name>
    <message>
        <location filename="../../ui/budget/gauge.py" line="+99"/>
        <source>Brand vs promotion</source>
        <translation>品牌与效果</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+11"/>
        <source>No plan open</source>
        <translation>未打开计划</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>range {low:.0%}–{high:.0%}, target {target:.0%}</source>
        <translation>区间 {low:.0%}–{high:.0%}，目标 {target:.0%}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing planned yet ({span}).</source>
        <translation>尚无排期（{span}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>inside the range</source>
        <translation>在区间内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outside the range</source>
        <translation>超出区间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brand {share:.1%} ({brand}), promotion {promotion:.1%} ({promo}): {where} ({span}).</source>
        <translation>品牌 {share:.1%}（{brand}），效果 {promotion:.1%}（{promo}）：{where}（{span}）。</translation>
    </message>
</context>
<context>
    <name>BudgetCharts</name>
    <message>
        <location filename="../../ui/budget/charts.py" line="+64"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotion</source>
        <translation>效果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spend by channel per month ({currency})</source>
        <translation>各渠道月度花费（{currency}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brand vs promotion per month ({currency})</source>
        <translation>每月品牌与效果对比（{currency}）</translation>
    </message>
</context>
<context>
    <name>BudgetGridModel</name>
    <message>
        <location filename="../../ui/budget/grid_model.py" line="+79"/>
        <location line="+5"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>BudgetTab</name>
    <message>
        <location filename="../../ui/budget/tab.py" line="+59"/>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment tier</source>
        <translation>人群层级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placeholders</source>
        <translation>预留</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rows:</source>
        <translation>行：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Budget grid</source>
        <translation>预算表</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Total: {money}</source>
        <translation>合计：{money}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>High value</source>
        <translation>高价值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Potential</source>
        <translation>潜力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low value</source>
        <translation>低价值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No segment</source>
        <translation>无人群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No campaign</source>
        <translation>无活动</translation>
    </message>
</context>
<context>
    <name>BulkEdit</name>
    <message>
        <location filename="../../ui/editors/bulk_edit.py" line="+121"/>
        <source>Bulk edit flights</source>
        <translation>批量编辑排期</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <location line="-80"/>
        <source>Bulk edit flights</source>
        <translation>批量编辑排期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep each flight&apos;s channel</source>
        <translation>保留各排期的渠道</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep each campaign&apos;s status</source>
        <translation>保留各活动的状态</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Shift dates by</source>
        <translation>日期平移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale budgets to</source>
        <translation>预算缩放至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to channel</source>
        <translation>移至渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set campaign status</source>
        <translation>设置活动状态</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No flights are selected.</source>
        <translation>未选中任何排期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose something to change.</source>
        <translation>请选择要修改的内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} of them are committed (locked) and cannot be moved or rescaled; unlock them first.</source>
        <translation>其中 {0} 个已确认（锁定），无法移动或缩放；请先解锁。</translation>
    </message>
</context>
<context>
    <name>CalendarPrintDialog</name>
    <message>
        <location filename="../../ui/calendar_print_dialog.py" line="+43"/>
        <source>Print calendar</source>
        <translation>打印日历</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Calendar picture</source>
        <translation>日历图片</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Letter</source>
        <comment>paper size</comment>
        <translation>美式信纸</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Page size</source>
        <translation>纸张大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orientation</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scale</source>
        <translation>比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The start must not be after the end.</source>
        <translation>开始日期不能晚于结束日期。</translation>
    </message>
</context>
<context>
    <name>CalendarPrinter</name>
    <message>
        <location filename="../../ui/calendar_print.py" line="+113"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment</source>
        <translation>人群</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nothing to print between {start} and {end}</source>
        <translation>{start} 至 {end} 之间没有可打印的内容</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The printer or PDF file could not be opened for writing</source>
        <translation>无法打开打印机或 PDF 文件进行写入</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The picture would be {width} × {height} px; choose a shorter range or a coarser scale</source>
        <translation>图片将达 {width} × {height} 像素；请选择更短的日期范围或更粗的比例</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cannot write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
</context>
<context>
    <name>CalendarScene</name>
    <message>
        <location filename="../../ui/calendar/scene.py" line="+93"/>
        <source>No segment</source>
        <translation>无人群</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>Flight</source>
        <translation>排期</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../ui/calendar/view.py" line="+58"/>
        <source>Campaign calendar</source>
        <translation>活动日历</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment</source>
        <translation>人群</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../ui/editors/dialogs.py" line="+70"/>
        <source>New campaign</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit campaign</source>
        <translation>编辑活动</translation>
    </message>
</context>
<context>
    <name>CampaignEdits</name>
    <message>
        <location filename="../../ui/editors/campaign_edits.py" line="+21"/>
        <source>Add campaign</source>
        <translation>添加活动</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit campaign</source>
        <translation>编辑活动</translation>
    </message>
</context>
<context>
    <name>CampaignForm</name>
    <message>
        <location filename="../../ui/editors/campaign_form.py" line="+48"/>
        <source>comma-separated, e.g. 618, launch</source>
        <translation>用逗号分隔，例如：618, 新品上市</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand share</source>
        <translation>品牌占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment</source>
        <translation>人群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No segment</source>
        <translation>无人群</translation>
    </message>
</context>
<context>
    <name>CampaignTree</name>
    <message>
        <location filename="../../ui/panels/campaign_tree.py" line="+61"/>
        <source>Campaigns and flights</source>
        <translation>活动和排期</translation>
    </message>
</context>
<context>
    <name>CampaignTreeModel</name>
    <message>
        <location filename="../../ui/models/campaign_tree.py" line="+134"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Committed</source>
        <translation>已确认</translation>
    </message>
</context>
<context>
    <name>CatalogueTab</name>
    <message>
        <location filename="../../ui/editors/catalogue_tab.py" line="+62"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ChannelForm</name>
    <message>
        <location filename="../../ui/editors/catalogue_forms.py" line="+37"/>
        <source>e.g. Alibaba, ByteDance</source>
        <translation>例如：阿里巴巴、字节跳动</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no cap</source>
        <translation>无上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum spend</source>
        <translation>最低花费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum spend</source>
        <translation>最高花费</translation>
    </message>
</context>
<context>
    <name>ChannelTotals</name>
    <message>
        <location filename="../../ui/models/channel_totals.py" line="+48"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+73"/>
        <location line="+27"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="-99"/>
        <location line="+73"/>
        <location line="+27"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cap</source>
        <translation>上限</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotion</source>
        <translation>效果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixed</source>
        <translation>混合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High value</source>
        <translation>高价值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Potential</source>
        <translation>潜力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low value</source>
        <translation>低价值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No segment</source>
        <translation>无人群</translation>
    </message>
    <message>
        <location filename="../../ui/panels/summary_panel.py" line="+93"/>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Segment tier</source>
        <translation>人群层级</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <location filename="../../ui/editors/widgets.py" line="+106"/>
        <source>Choose a colour</source>
        <translation>选择颜色</translation>
    </message>
</context>
<context>
    <name>ConstraintEditor</name>
    <message>
        <location filename="../../ui/optimise/constraints.py" line="+58"/>
        <source>up to the budget</source>
        <translation>不超过预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all of the budget</source>
        <translation>用完全部预算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Least brand share</source>
        <translation>最低品牌占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most brand share</source>
        <translation>最高品牌占比</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Most value (revenue + brand)</source>
        <translation>价值最大化（收入 + 品牌）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue target at least cost</source>
        <translation>以最低成本达成收入目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most value with a return-on-spend floor</source>
        <translation>在 ROAS 下限内价值最大化</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Minimum</source>
        <translation>最低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum</source>
        <translation>最高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cap</source>
        <translation>上限</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total budget:</source>
        <translation>总预算：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spend:</source>
        <translation>花费：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand share:</source>
        <translation>品牌占比：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objective:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue target:</source>
        <translation>收入目标：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Least return on spend:</source>
        <translation>最低 ROAS：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value of one brand point (thousands):</source>
        <translation>每品牌点价值（千）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Periods:</source>
        <translation>周期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-plan from:</source>
        <translation>重新规划起始：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certified gap target:</source>
        <translation>已证最优差距目标：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel limits</source>
        <translation>渠道限额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period caps</source>
        <translation>周期上限</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Locked (committed) flights</source>
        <translation>锁定（已确认）的排期</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>{field}: “{text}” is not an amount of money</source>
        <translation>{field}：“{text}”不是有效金额</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} must not be negative</source>
        <translation>{field}不能为负数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Brand share: the lowest share is above the highest</source>
        <translation>品牌占比：最低占比高于最高占比</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Total budget</source>
        <translation>总预算</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revenue target</source>
        <translation>收入目标</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../ui/errors/crash.py" line="+95"/>
        <source>Something went wrong</source>
        <translation>出现错误</translation>
    </message>
</context>
<context>
    <name>CurveForm</name>
    <message>
        <location filename="../../ui/curves/form.py" line="+44"/>
        <source>Curve family</source>
        <translation>曲线类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hill</source>
        <translation>Hill</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Apply (marks the curve manual)</source>
        <translation>应用（将曲线标记为手动）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Family</source>
        <translation>曲线类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saturation a</source>
        <translation>饱和值 a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saturation a (money per week)</source>
        <translation>饱和值 a（每周金额）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Half-saturation k (money per week)</source>
        <translation>半饱和点 k（每周金额）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shape s</source>
        <translation>形状参数 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adstock λ</source>
        <translation>广告存量衰减 λ</translation>
    </message>
</context>
<context>
    <name>CurvesTab</name>
    <message>
        <location filename="../../ui/curves/tab.py" line="+75"/>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the spread of the curve draws</source>
        <translation>显示曲线抽样的分布范围</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resampled curves</source>
        <translation>重抽样曲线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draws per curve: </source>
        <translation>每条曲线抽样数： </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many curves a re-fit draws from resampled history, for robust optimising (kept with the plan when the re-fit is saved); 0 draws none.</source>
        <translation>重新拟合时从重抽样的历史数据中抽取多少条曲线，用于稳健优化（保存重新拟合结果时随计划一起保存）；0 表示不抽取。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Promotion curve</source>
        <translation>效果曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand curve</source>
        <translation>品牌曲线</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-fit from history</source>
        <translation>根据历史数据重新拟合</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Fitting curves…</source>
        <translation>正在拟合曲线…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Re-fit curves</source>
        <translation>重新拟合曲线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{fits} curves fitted</source>
        <translation>已拟合 {fits} 条曲线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, {n} could not be fitted: {first}</source>
        <translation>，{n} 条无法拟合：{first}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Re-fit cancelled</source>
        <translation>已取消重新拟合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-fit failed: {message}</source>
        <translation>重新拟合失败：{message}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit {goal} curve of {channel}</source>
        <translation>编辑 {channel} 的{goal}曲线</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>promotion</source>
        <translation>效果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Promotion: revenue per week</source>
        <translation>效果：每周收入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand: index per week</source>
        <translation>品牌：每周指数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotion spend per week</source>
        <translation>每周效果花费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand stock (adstocked spend)</source>
        <translation>品牌存量（广告存量花费）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>历史数据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Current plan</source>
        <translation>当前计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimised scenario</source>
        <translation>优化方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No curve: fit one from history</source>
        <translation>无曲线：请根据历史数据拟合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fitted curve</source>
        <translation>拟合曲线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Manual curve</source>
        <translation>手动曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known curve</source>
        <translation>已知曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5–95 % of {n} draws</source>
        <translation>{n} 次抽样的 5–95 % 区间</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No channels yet. Add them in File ▸ Plan Settings…, then bring in their history with File ▸ Import ▸ Channel history…</source>
        <translation>还没有渠道。请在“文件 › 计划设置…”中添加渠道，再通过“文件 › 导入 › 渠道历史数据…”导入其历史数据。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No history or curves for this channel yet. Import weekly spend and results with File ▸ Import ▸ Channel history…, then press Re-fit from history.</source>
        <translation>该渠道还没有历史数据或曲线。请通过“文件 › 导入 › 渠道历史数据…”导入每周花费和结果，然后点击“根据历史数据重新拟合”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No {goal} curve.</source>
        <translation>无{goal}曲线。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fitted</source>
        <translation>拟合</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>manual (set by hand)</source>
        <translation>手动（人工设定）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>known (demo generator)</source>
        <translation>已知（演示数据生成器）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{family} curve, {source}; adstock λ = {rate:.3f}</source>
        <translation>{family} 曲线，{source}；广告存量衰减 λ = {rate:.3f}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hill</source>
        <translation>Hill</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; R² = {r2:.3f}, MAPE = {mape:.1%}, {n} points</source>
        <translation>；R² = {r2:.3f}，MAPE = {mape:.1%}，{n} 个数据点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; no fit quality</source>
        <translation>；无拟合质量指标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; {n} draws</source>
        <translation>；{n} 次抽样</translation>
    </message>
</context>
<context>
    <name>DemoPlan</name>
    <message>
        <location filename="../../ui/workers/demo.py" line="+35"/>
        <source>Building the demo plan…</source>
        <translation>正在生成演示计划…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Demo plan ready</source>
        <translation>演示计划已就绪</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="+29"/>
        <source>Campaign plans (*.cplan);;All files (*)</source>
        <translation>营销计划 (*.cplan);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <location filename="../../ui/edit_controller.py" line="+75"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Bulk Edit…</source>
        <translation>批量编辑(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lock (Committed)</source>
        <translation>锁定（已确认）(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;plit at Date…</source>
        <translation>按日期拆分(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Move to Channel</source>
        <translation>移至渠道(&amp;M)</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The clipboard holds no flights to paste.</source>
        <translation>剪贴板中没有可粘贴的排期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duplicate campaign</source>
        <translation>复制活动</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Move to channel</source>
        <translation>移至渠道</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Split at %1</source>
        <translation>在 %1 拆分</translation>
    </message>
</context>
<context>
    <name>EditorLauncher</name>
    <message>
        <location filename="../../ui/editor_launcher.py" line="+105"/>
        <source>Split flight</source>
        <translation>拆分排期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second part starts on</source>
        <translation>后半段开始日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Split</source>
        <translation>拆分</translation>
    </message>
</context>
<context>
    <name>EmptyHint</name>
    <message>
        <location filename="../../ui/empty_state.py" line="+112"/>
        <source>No channels yet, so the calendar has no lanes. Add channels in File ▸ Plan Settings…, or use File ▸ Import ▸ Flights and campaigns… to bring in a plan from Excel.</source>
        <translation>还没有渠道，因此日历中没有泳道。请在“文件 › 计划设置…”中添加渠道，或通过“文件 › 导入 › 排期和活动…”从 Excel 导入计划。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No campaigns yet. Create one with Edit ▸ New Campaign…, then drag along a lane to give it a flight; or use File ▸ Import ▸ Flights and campaigns… to bring in a plan from Excel.</source>
        <translation>还没有活动。请通过“编辑 › 新建活动…”创建活动，再在泳道上拖动为其添加排期；或通过“文件 › 导入 › 排期和活动…”从 Excel 导入计划。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No flights yet. Drag along a lane to create one, or use File ▸ Import ▸ Flights and campaigns… to bring in a plan from Excel.</source>
        <translation>还没有排期。在泳道上拖动即可创建，或通过“文件 › 导入 › 排期和活动…”从 Excel 导入计划。</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../ui/panels/empty_state.py" line="+53"/>
        <source>No plan is open. Create a new plan or open one.</source>
        <translation>未打开计划。请新建或打开一个计划。</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ui/errors/error_dialog.py" line="+34"/>
        <source>Nothing finished is lost: every edit is saved in the plan as it is made.</source>
        <translation>已完成的工作不会丢失：每次编辑都会即时保存到计划中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The details are also in %1</source>
        <translation>详细信息也记录在 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+20"/>
        <source>Show details</source>
        <translation>显示详细信息</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hide details</source>
        <translation>隐藏详细信息</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <location filename="../../ui/editors/catalogue_forms.py" line="+74"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All channels</source>
        <translation>所有渠道</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <location filename="../../ui/file_controller.py" line="+75"/>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{user} on {host} (process {pid}) since {since}</source>
        <translation>{host} 上的 {user}（进程 {pid}，自 {since} 起）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is open for writing by {holder}.

Open it read-only?</source>
        <translation>{path} 正被 {holder} 以写入方式打开。

以只读方式打开吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan in use</source>
        <translation>计划正在使用中</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <location line="+6"/>
        <source>Cannot open plan</source>
        <translation>无法打开计划</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>%1

Open a copy restored from its newest backup, taken %2? The copy is saved beside it as a new file; %3 stays as it is.</source>
        <translation>%1

要打开从最新备份（%2）恢复的副本吗？副本将作为新文件保存在同一文件夹中；%3 保持不变。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot restore backup</source>
        <translation>无法恢复备份</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Building the demo plan…</source>
        <translation>正在生成演示计划…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot build the demo plan</source>
        <translation>无法生成演示计划</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New plan</source>
        <translation>新建计划</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot create plan</source>
        <translation>无法创建计划</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save a copy as</source>
        <translation>另存副本为</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot save a copy</source>
        <translation>无法保存副本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved a copy as %1</source>
        <translation>已将副本保存为 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open plan</source>
        <translation>打开计划</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/panels/filter_bar.py" line="+25"/>
        <source>Filter text</source>
        <translation>筛选文字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter campaigns, flights, channels…</source>
        <translation>筛选活动、排期、渠道…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All channels</source>
        <translation>所有渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All segments</source>
        <translation>所有人群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any objective</source>
        <translation>任意目标</translation>
    </message>
</context>
<context>
    <name>FirstRunBanner</name>
    <message>
        <location filename="../../ui/first_run.py" line="+36"/>
        <source>Getting started</source>
        <translation>快速入门</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New here? Drag a flight on the Calendar to move it (Ctrl+Z undoes it), let the Optimise tab find a better split of the budget, and export the plan to Excel from the File ▸ Export menu.</source>
        <translation>初次使用？在“日历”中拖动排期即可移动（Ctrl+Z 撤销），让“优化”标签页找出更好的预算分配，再通过“文件 › 导出”菜单将计划导出到 Excel。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the Optimise tab</source>
        <translation>打开“优化”标签页</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Got it</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide this hint for good</source>
        <translation>不再显示此提示</translation>
    </message>
</context>
<context>
    <name>FlightDialog</name>
    <message>
        <location filename="../../ui/editors/dialogs.py" line="-12"/>
        <source>New flight</source>
        <translation>新建排期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit flight</source>
        <translation>编辑排期</translation>
    </message>
</context>
<context>
    <name>FlightEdits</name>
    <message>
        <location filename="../../ui/editors/flight_edits.py" line="+42"/>
        <source>Add flight</source>
        <translation>添加排期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit flight</source>
        <translation>编辑排期</translation>
    </message>
</context>
<context>
    <name>FlightForm</name>
    <message>
        <location filename="../../ui/editors/flight_form.py" line="+48"/>
        <source>e.g. 120,000.00</source>
        <translation>例如：120,000.00</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No media units</source>
        <translation>无媒体单位</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phasing</source>
        <translation>投放节奏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First/last day ratio</source>
        <translation>首日/末日比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days on</source>
        <translation>投放天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days off</source>
        <translation>间歇天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base share</source>
        <translation>基础占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Media units</source>
        <translation>媒体单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit cost</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+117"/>
        <source>Choose a campaign</source>
        <translation>请选择活动</translation>
    </message>
    <message>
        <location line="-115"/>
        <location line="+117"/>
        <source>Choose a channel</source>
        <translation>请选择渠道</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Committed (locked): unlock the flight to change its dates</source>
        <translation>已确认（锁定）：解锁排期后才能修改日期</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Even</source>
        <translation>均匀</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Front-loaded</source>
        <translation>前重后轻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back-loaded</source>
        <translation>前轻后重</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Continuous</source>
        <translation>连续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flighting (bursts with gaps)</source>
        <translation>间歇式（集中投放，中间停投）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pulsing (base plus bursts)</source>
        <translation>脉冲式（持续基础投放加集中投放）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom (per period)</source>
        <translation>自定义（按周期）</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Starts before the plan horizon ({0})</source>
        <translation>开始日期早于计划周期（{0}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ends after the plan horizon ({0})</source>
        <translation>结束日期晚于计划周期（{0}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not a whole number of units: the budget will be {0}</source>
        <translation>不是整数个单位：预算将为 {0}</translation>
    </message>
</context>
<context>
    <name>FlightMonthsModel</name>
    <message>
        <location filename="../../ui/budget/flight_months.py" line="+109"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Month amount: “{text}” is not an amount of money in {currency}; nothing was changed.</source>
        <translation>月度金额：“{text}”不是有效的 {currency} 金额；未做任何修改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Month amount: {text} is negative; nothing was changed.</source>
        <translation>月度金额：{text} 为负数；未做任何修改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Month amount: a flight needs money in at least one month; delete the flight instead. Nothing was changed.</source>
        <translation>月度金额：排期至少需要在一个月中有预算；如需清空请删除该排期。未做任何修改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit month amount</source>
        <translation>编辑月度金额</translation>
    </message>
</context>
<context>
    <name>FlightMonthsPanel</name>
    <message>
        <location line="+46"/>
        <source>Flight “{name}” on {channel} by month</source>
        <translation>排期“{name}”（{channel}）按月分布</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (committed: locked)</source>
        <translation> （已确认：锁定）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — typing an amount switches it to custom phasing</source>
        <translation> — 输入金额会将其切换为自定义节奏</translation>
    </message>
</context>
<context>
    <name>FlightsTable</name>
    <message>
        <location filename="../../ui/panels/flights_table.py" line="+57"/>
        <source>Flights</source>
        <translation>排期</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No flights match the filter. Change or clear it in the Campaigns panel to see the others.</source>
        <translation>没有符合筛选条件的排期。请在“活动”面板中修改或清除筛选条件以查看其他排期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No flights yet. Add one with Edit ▸ New Flight…, or drag along a lane on the Calendar tab.</source>
        <translation>还没有排期。请通过“编辑 › 新建排期…”添加，或在“日历”标签页的泳道上拖动创建。</translation>
    </message>
</context>
<context>
    <name>FlightsTableModel</name>
    <message>
        <location filename="../../ui/models/flights_table.py" line="+97"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flight</source>
        <translation>排期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phasing</source>
        <translation>投放节奏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Rename flight</source>
        <translation>重命名排期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit notes</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Channel: no such channel; nothing was changed.</source>
        <translation>渠道：不存在该渠道；未做任何修改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change channel</source>
        <translation>更改渠道</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mark committed</source>
        <translation>标记为已确认</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mark not committed</source>
        <translation>标记为未确认</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Budget: “{text}” is not an amount of money in {currency}; nothing was changed.</source>
        <translation>预算：“{text}”不是有效的 {currency} 金额；未做任何修改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit budget</source>
        <translation>编辑预算</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Date: “{text}” is not a date (YYYY-MM-DD); nothing was changed.</source>
        <translation>日期：“{text}”不是有效日期（YYYY-MM-DD）；未做任何修改。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change dates</source>
        <translation>更改日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Committed flights are locked: clear Committed to change this.</source>
        <translation>已确认的排期已锁定：取消“已确认”后才能修改。</translation>
    </message>
</context>
<context>
    <name>FrameModel</name>
    <message>
        <location filename="../../ui/performance/table_model.py" line="+79"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>FrontierPanel</name>
    <message>
        <location filename="../../ui/optimise/frontier_panel.py" line="+37"/>
        <source>Compute the frontier to see how much promotion revenue each level of brand response costs.</source>
        <translation>计算效率前沿，查看每个品牌响应水平需要牺牲多少效果收入。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No frontier: the constraints cannot all hold.</source>
        <translation>无效率前沿：约束条件无法同时满足。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} allocations from all-sales to all-brand, brand share free (0–100 %); click a point to see it.</source>
        <translation>从全效果到全品牌共 {count} 个分配方案，品牌占比不限（0–100 %）；点击某个点查看详情。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Frontier</source>
        <translation>效率前沿</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Current plan</source>
        <translation>当前计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand response (points)</source>
        <translation>品牌响应（点）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotion revenue (thousands)</source>
        <translation>效果收入（千）</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <location filename="../../ui/panels/health_panel.py" line="+21"/>
        <source>Plan health findings</source>
        <translation>计划体检问题</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+16"/>
        <source>No plan open</source>
        <translation>未打开计划</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No findings: the plan passes every check.</source>
        <translation>没有问题：计划通过了所有检查。</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../ui/help/menu.py" line="+25"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;Log Folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The log folder is %1</source>
        <translation>日志文件夹位于 %1</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../ui/transfer/preview.py" line="+94"/>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 problem(s) in %2. Nothing will be imported until every one is fixed.</source>
        <translation>%2 中有 %1 个问题。全部修正之前不会导入任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 can be imported.</source>
        <translation>%1 可以导入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 row(s) are already in the plan unchanged.</source>
        <translation>%1 行已在计划中且无变化。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Segments</source>
        <translation>人群</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flights</source>
        <translation>排期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actuals</source>
        <translation>实际数据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>History rows</source>
        <translation>历史数据行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To update</source>
        <translation>更新</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../ui/editors/inspector.py" line="+64"/>
        <source>Bulk edit…</source>
        <translation>批量编辑…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Select a flight or a campaign to edit it here.</source>
        <translation>选择一个排期或活动，即可在此编辑。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No plan open</source>
        <translation>未打开计划</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Selection</source>
        <translation>选中项</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Flight</source>
        <translation>排期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Total budget: {0}</source>
        <translation>总预算：{0}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/editors/labels.py" line="+17"/>
        <source>High value</source>
        <translation>高价值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Potential</source>
        <translation>潜力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low value</source>
        <translation>低价值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Festival</source>
        <translation>大促</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blackout</source>
        <translation>禁投期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Web shop</source>
        <translation>电商店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short video</source>
        <translation>短视频</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live stream</source>
        <translation>直播</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KOL</source>
        <translation>KOL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRM</source>
        <translation>私域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <translation>线下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display</source>
        <translation>展示广告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calendar (ISO weeks)</source>
        <translation>日历（ISO 周）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiscal year</source>
        <translation>财年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Broadcast</source>
        <translation>广播日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retail 4-4-5</source>
        <translation>零售 4-4-5</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cpm (1,000 impressions)</source>
        <translation>CPM（千次展示）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cpc (click)</source>
        <translation>CPC（点击）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cpa (acquisition)</source>
        <translation>CPA（转化）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>live_session (live-stream session)</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kol_post_top (post by a top-tier KOL)</source>
        <translation>头部 KOL 发布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kol_post_mid (post by a mid-tier KOL)</source>
        <translation>腰部 KOL 发布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kol_post_micro (post by a micro KOL)</source>
        <translation>尾部 KOL 发布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>push (push or message send)</source>
        <translation>推送或消息发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day (day of placement)</source>
        <translation>按天投放</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>1 flight selected</source>
        <translation>已选中 1 个排期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} flights selected</source>
        <translation>已选中 {0} 个排期</translation>
    </message>
</context>
<context>
    <name>LaneHeader</name>
    <message>
        <location filename="../../ui/calendar/header.py" line="+251"/>
        <source>1 flight</source>
        <translation>1 个排期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 flights</source>
        <translation>%1 个排期</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../ui/language_menu.py" line="+29"/>
        <source>&amp;System Language</source>
        <translation>跟随系统语言(&amp;S)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language is used from the next start of the app.</source>
        <translation>新语言将在下次启动应用时生效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+87"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flights</source>
        <translation>排期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimise</source>
        <translation>优化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Curves</source>
        <translation>响应曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performance</source>
        <translation>投放表现</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>概览</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan health</source>
        <translation>计划体检</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a &amp;Copy As…</source>
        <translation>另存副本为(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan &amp;Settings…</source>
        <translation>计划设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New &amp;Flight…</source>
        <translation>新建排期(&amp;F)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New Ca&amp;mpaign…</source>
        <translation>新建活动(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About %1</source>
        <translation>关于 %1(&amp;A)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+58"/>
        <source> [read-only]</source>
        <translation> [只读]</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>MatchRulesDialog</name>
    <message>
        <location filename="../../ui/transfer/match_rules.py" line="+46"/>
        <source>Matching rules</source>
        <translation>匹配规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform campaign id</source>
        <translation>平台活动 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact name</source>
        <translation>名称完全匹配</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name contains</source>
        <translation>名称包含</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any platform</source>
        <translation>任意平台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agency flowchart</source>
        <translation>代理商排期表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Match by</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pattern</source>
        <translation>匹配模式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign / flight</source>
        <translation>活动 / 排期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ids and exact names are tried first, then the other rules from the top; the campaign picks its flight on the channel by the row&apos;s date.</source>
        <translation>先尝试 ID 和完全匹配的名称，再按从上到下的顺序尝试其他规则；匹配到活动后，按该行的日期选取其在该渠道上的排期。</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Channel only</source>
        <translation>仅渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign: %1</source>
        <translation>活动：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flight: %1 %2 to %3</source>
        <translation>排期：%1 %2 至 %3</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Set matching rules</source>
        <translation>设置匹配规则</translation>
    </message>
</context>
<context>
    <name>MergeController</name>
    <message>
        <location filename="../../ui/merge_controller.py" line="+74"/>
        <source>&amp;Merge a Copy…</source>
        <translation>合并副本(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring in the changes made in an offline copy of this plan</source>
        <translation>合并此计划离线副本中所做的修改</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Merge a copy</source>
        <translation>合并副本</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Comparing with %1…</source>
        <translation>正在与 %1 比较…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Merge cancelled; nothing was changed</source>
        <translation>已取消合并；未做任何修改</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot merge</source>
        <translation>无法合并</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing to merge</source>
        <translation>没有可合并的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has no change that this plan does not already have.</source>
        <translation>%1 中没有本计划尚未包含的修改。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Merging %1…</source>
        <translation>正在合并 %1…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Merge copy from %1</source>
        <translation>合并来自 %1 的副本</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Merged: this plan already had every change</source>
        <translation>已合并：本计划已包含全部修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merged %1&apos;s copy: %2 change(s) taken, %3 conflict(s) resolved.</source>
        <translation>已合并 %1 的副本：采纳 %2 处修改，解决 %3 处冲突。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No new plan health findings.</source>
        <translation>计划体检没有发现新问题。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merged: please check the plan</source>
        <translation>已合并：请检查计划</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The merge created these findings:</source>
        <translation>合并后出现以下问题：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>…and %1 more in Plan health</source>
        <translation>…另有 %1 个，见“计划体检”</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/merge_dialog.py" line="+227"/>
        <source>Merge a copy</source>
        <translation>合并副本</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Take all &amp;mine</source>
        <translation>全部采用我的(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take all &amp;theirs</source>
        <translation>全部采用对方的(&amp;T)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Merging %1 (%2&apos;s copy) into %3: %4 change(s) to take, %5 conflict(s).</source>
        <translation>正在将 %1（%2 的副本）合并到 %3：%4 处修改待采纳，%5 处冲突。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 of %2 conflicts chosen</source>
        <translation>已处理 %1/%2 处冲突</translation>
    </message>
</context>
<context>
    <name>MergeModel</name>
    <message numerus="yes">
        <location line="-235"/>
        <source>Conflicts: choose a side (%n)</source>
        <translation>
            <numerusform>冲突：请选择一方（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Changed only in %1&apos;s copy: taken (%n)</source>
        <translation>
            <numerusform>仅在 %1 的副本中修改：采纳（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Changed only here: kept (%n)</source>
        <translation>
            <numerusform>仅在此处修改：保留（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Changed alike in both (%n)</source>
        <translation>
            <numerusform>双方修改相同（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change</source>
        <translation>修改项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Here (mine)</source>
        <translation>此处（我的）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In %1&apos;s copy (theirs)</source>
        <translation>%1 的副本（对方的）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed here, kept</source>
        <translation>此处已修改，保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed there, taken</source>
        <translation>对方已修改，采纳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same change</source>
        <translation>相同修改</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>OptimiseTab</name>
    <message>
        <location filename="../../ui/optimise/tab.py" line="+88"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+28"/>
        <location line="+138"/>
        <source>Frontier</source>
        <translation>效率前沿</translation>
    </message>
    <message>
        <location line="-164"/>
        <source>Frontier points</source>
        <translation>效率前沿点数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> points</source>
        <translation> 个点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Scenarios</source>
        <translation>方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price of robustness</source>
        <translation>稳健性代价</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Optimising…</source>
        <translation>正在优化…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A risk across curve draws needs the objective “Most value (revenue + brand)”.</source>
        <translation>基于曲线抽样的风险度量需要使用目标“价值最大化（收入 + 品牌）”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optimising across the curve draws…</source>
        <translation>正在基于曲线抽样进行优化…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Computing the frontier…</source>
        <translation>正在计算效率前沿…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Optimising… certified gap {gap}</source>
        <translation>正在优化… 已证最优差距 {gap}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frontier: point {done}</source>
        <translation>效率前沿：第 {done} 个点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The optimiser stopped: {message}</source>
        <translation>优化器已停止：{message}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Optimised {time}</source>
        <translation>优化于 {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+18"/>
        <source>Save scenario</source>
        <translation>保存方案</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Done in {rounds} round(s); saved as “{name}”.</source>
        <translation>{rounds} 轮完成；已保存为“{name}”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Robust ({measure}) {time}</source>
        <translation>稳健优化（{measure}）{time}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done; saved as “{name}”.</source>
        <translation>已完成；已保存为“{name}”。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Frontier point {number}</source>
        <translation>效率前沿点 {number}</translation>
    </message>
</context>
<context>
    <name>OptimiseWording</name>
    <message>
        <location filename="../../ui/optimise/wording.py" line="+24"/>
        <source>Committed flights on {channel} hold more than the optimiser would give, in {count} month(s) (worth up to {value} per unit).</source>
        <translation>{channel} 上已确认的排期在 {count} 个月中占用的预算多于优化器的分配（每单位价值最高 {value}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Committed flights on {channel} hold more than the optimiser would give, in {count} week(s) (worth up to {value} per unit).</source>
        <translation>{channel} 上已确认的排期在 {count} 周中占用的预算多于优化器的分配（每单位价值最高 {value}）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The whole budget is used: more money would still earn.</source>
        <translation>预算已全部用完：追加预算仍能带来回报。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brand share is held at its floor ({label}).</source>
        <translation>品牌占比被限制在下限（{label}）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brand share is held at its ceiling ({label}).</source>
        <translation>品牌占比被限制在上限（{label}）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>{label} is reached.</source>
        <translation>已达到 {label}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} forces more money in than the curve wants.</source>
        <translation>{label} 迫使投入超过曲线所需的金额。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The revenue target sets the spend.</source>
        <translation>收入目标决定了花费。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The return-on-spend floor binds ({label}).</source>
        <translation>ROAS 下限起约束作用（{label}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pacing limits how fast spend may change ({label}).</source>
        <translation>节奏限制约束了花费的变化速度（{label}）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>worth {value} per unit relaxed</source>
        <translation>每放宽一个单位价值 {value}</translation>
    </message>
</context>
<context>
    <name>PerformanceTab</name>
    <message>
        <location filename="../../ui/performance/tab.py" line="+61"/>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+141"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="-141"/>
        <location line="+141"/>
        <location line="+15"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="-155"/>
        <location line="+141"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rows:</source>
        <translation>行：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Period:</source>
        <translation>周期：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Planned and actual spend</source>
        <translation>计划与实际花费</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>KPI attainment</source>
        <translation>KPI 达成</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>No actuals yet. Bring in what was spent with File ▸ Import ▸ Actuals… or Ad platform report…, and plan against actual shows here.</source>
        <translation>还没有实际数据。通过“文件 › 导入 › 实际数据…”或“广告平台报表…”导入实际花费后，计划与实际的对比将显示在这里。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Actuals to {day}; planned to date {money}</source>
        <translation>实际数据截至 {day}；截至当日计划 {money}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No actuals yet</source>
        <translation>暂无实际数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filtered</source>
        <translation>已筛选</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not attached to a flight</source>
        <translation>未关联排期</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+30"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Planned to date</source>
        <translation>截至当日计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <location line="+12"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Variance</source>
        <translation>差异</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variance %</source>
        <translation>差异 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>ROAS</source>
        <translation>ROAS</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Impressions</source>
        <translation>展示量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clicks</source>
        <translation>点击量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversions</source>
        <translation>转化量</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cycle</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measured by</source>
        <translation>衡量方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attainment</source>
        <translation>达成率</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CPA</source>
        <translation>CPA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPC</source>
        <translation>CPC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CPM</source>
        <translation>CPM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>impressions</source>
        <translation>展示量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>clicks</source>
        <translation>点击量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conversions</source>
        <translation>转化量</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>not tracked</source>
        <translation>未跟踪</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Planned vs actual per period</source>
        <translation>各周期计划与实际对比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variance against plan to date, by channel</source>
        <translation>截至当日与计划的差异（按渠道）</translation>
    </message>
</context>
<context>
    <name>PlanSettings</name>
    <message>
        <location filename="../../ui/editors/settings_form.py" line="+144"/>
        <source>Edit plan settings</source>
        <translation>编辑计划设置</translation>
    </message>
</context>
<context>
    <name>PlanSettingsDialog</name>
    <message>
        <location filename="../../ui/editors/plan_settings_dialog.py" line="+38"/>
        <source>Plan settings</source>
        <translation>计划设置</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+41"/>
        <source>Add festivals and holidays</source>
        <translation>添加大促和节假日</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Shopping festivals and public holidays for every year of the plan horizon</source>
        <translation>计划周期内每一年的购物节和法定节假日</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segments</source>
        <translation>人群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Add channel</source>
        <translation>添加渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit channel</source>
        <translation>编辑渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duplicate channel</source>
        <translation>复制渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete channel</source>
        <translation>删除渠道</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add segment</source>
        <translation>添加人群</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit segment</source>
        <translation>编辑人群</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duplicate segment</source>
        <translation>复制人群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete segment</source>
        <translation>删除人群</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add event</source>
        <translation>添加事件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit event</source>
        <translation>编辑事件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duplicate event</source>
        <translation>复制事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete event</source>
        <translation>删除事件</translation>
    </message>
</context>
<context>
    <name>PlanStatus</name>
    <message>
        <location filename="../../ui/panels/plan_status.py" line="+25"/>
        <source>1 finding</source>
        <translation>1 个问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} findings</source>
        <translation>{0} 个问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned {planned} of {budget} · Brand {brand} ({range}) · {findings}</source>
        <translation>已计划 {planned} / {budget} · 品牌 {brand}（{range}）· {findings}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{count} × {severity}</source>
        <translation>{severity} × {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No findings</source>
        <translation>没有问题</translation>
    </message>
</context>
<context>
    <name>PlatformPreviewDialog</name>
    <message>
        <location filename="../../ui/transfer/platform_preview.py" line="+52"/>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>as the file states</source>
        <translation>按文件所述</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Leave unmatched rows out</source>
        <translation>忽略未匹配的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matching rules…</source>
        <translation>匹配规则…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amounts&apos; unit if the file states none:</source>
        <translation>文件未注明时的金额单位：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Checking again…</source>
        <translation>正在重新检查…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The check failed: %1</source>
        <translation>检查失败：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 problem(s), each listed below with where it is in the file. Nothing will be imported until every one is fixed: fix the file, give the unit, add matching rules or leave unmatched rows out.</source>
        <translation>%1 个问题，已在下方逐一列出其在文件中的位置。全部修正之前不会导入任何内容：请修改文件、指定单位、添加匹配规则或忽略未匹配的行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ready: %1 actual(s) to add, %2 to update, %3 already in the plan unchanged.</source>
        <translation>就绪：新增 %1 条实际数据，更新 %2 条，%3 条已在计划中且无变化。</translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message>
        <location filename="../../ui/calendar_print.py" line="+21"/>
        <source>&amp;Print Calendar…</source>
        <translation>打印日历(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Calendar as P&amp;DF…</source>
        <translation>将日历导出为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Calendar as PN&amp;G…</source>
        <translation>将日历导出为 PNG(&amp;G)…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Printed %1 page(s)</source>
        <translation>已打印 %1 页</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{plan} calendar</source>
        <translation>{plan} 日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exported %1 page(s) to %2</source>
        <translation>已导出 %1 页到 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot print the calendar</source>
        <translation>无法打印日历</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../ui/transfer/preview.py" line="-95"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ProcessHost</name>
    <message>
        <location filename="../../ui/workers/process.py" line="+244"/>
        <source>The background process stopped unexpectedly (exit code {code}).</source>
        <translation>后台进程意外停止（退出代码 {code}）。</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <location filename="../../ui/recent_menu.py" line="+36"/>
        <source>Clear Menu</source>
        <translation>清除列表</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../ui/editors/form.py" line="+184"/>
        <source>Not an amount: type a number such as 12,500.00</source>
        <translation>不是有效金额：请输入数字，例如 12,500.00</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter an amount (0 for none)</source>
        <translation>请输入金额（无则填 0）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not a whole number</source>
        <translation>不是整数</translation>
    </message>
</context>
<context>
    <name>ReforecastDialog</name>
    <message>
        <location filename="../../ui/optimise/reforecast.py" line="+59"/>
        <source>Reforecast</source>
        <translation>重新预测</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re-fit the curves with the actuals first (its own undo step)</source>
        <translation>先用实际数据重新拟合曲线（单独的撤销步骤）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spend up to this day is fixed at the actuals; the rest of the budget is re-planned over the remaining weeks and saved as a scenario to apply like any other.</source>
        <translation>截至该日的花费固定为实际数据；剩余预算将在剩余各周重新规划，并保存为方案，可像其他方案一样应用。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Actuals up to:</source>
        <translation>实际数据截至：</translation>
    </message>
</context>
<context>
    <name>ReforecastLauncher</name>
    <message>
        <location line="+34"/>
        <source>Reforecast…</source>
        <translation>重新预测…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix spend to date at the actuals and re-plan the rest of the budget</source>
        <translation>将截至当日的花费固定为实际数据，并重新规划剩余预算</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Reforecasting as of %1…</source>
        <translation>正在以 %1 为基准重新预测…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The reforecast stopped: %1</source>
        <translation>重新预测已停止：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re-fit curves to %1</source>
        <translation>重新拟合曲线至 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reforecast as of %1</source>
        <translation>截至 %1 的重新预测</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reforecast as of %1 saved as a scenario.</source>
        <translation>截至 %1 的重新预测已保存为方案。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No allocation was possible (%1).</source>
        <translation>无法得到可行的分配（%1）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not all of the budget is spent: %1</source>
        <translation>预算未全部花完：%1</translation>
    </message>
</context>
<context>
    <name>ReforecastPanel</name>
    <message>
        <location filename="../../ui/performance/reforecast_panel.py" line="+85"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reforecast as of %1: re-planned from %2 (%3).</source>
        <translation>截至 %1 的重新预测：自 %2 起重新规划（%3）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual to date</source>
        <translation>截至当日实际</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed to date</source>
        <translation>截至当日已固定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan remaining</source>
        <translation>计划剩余</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reforecast remaining</source>
        <translation>重新预测剩余</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reforecast total</source>
        <translation>重新预测合计</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../ui/optimise/results.py" line="+52"/>
        <source>Value:</source>
        <translation>价值：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotion revenue:</source>
        <translation>效果收入：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand response:</source>
        <translation>品牌响应：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spend:</source>
        <translation>花费：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certified gap:</source>
        <translation>已证最优差距：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Binding constraints</source>
        <translation>紧约束</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Optimised spend by channel</source>
        <translation>各渠道优化后花费</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optimised spend by channel and month</source>
        <translation>各渠道各月优化后花费</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Binding constraints:</source>
        <translation>紧约束：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heat map</source>
        <translation>热力图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current vs optimised</source>
        <translation>当前与优化对比</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No allocation is possible with these constraints:</source>
        <translation>在这些约束条件下无法分配：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>least cost objective: {spend}</source>
        <translation>最低成本目标：{spend}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{gap} (no allocation can beat this one by more)</source>
        <translation>{gap}（任何分配方案都不会比此方案好出更多）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Current plan</source>
        <translation>当前计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Optimised</source>
        <translation>优化后</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marginal return</source>
        <translation>边际回报</translation>
    </message>
</context>
<context>
    <name>RiskChooser</name>
    <message>
        <location filename="../../ui/optimise/risk.py" line="+25"/>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>worst case</source>
        <translation>最差情形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CVaR {alpha}</source>
        <translation>CVaR {alpha}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Risk measure</source>
        <translation>风险度量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fitted curves only</source>
        <translation>仅用拟合曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean across curve draws</source>
        <translation>各抽样曲线的均值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worst case across curve draws</source>
        <translation>各抽样曲线的最差情形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CVaR across curve draws</source>
        <translation>各抽样曲线的 CVaR</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Across curve draws, the optimiser weighs every plausible curve the fit drew: the mean, the worst draw, or the mean of the worst α share (CVaR).</source>
        <translation>基于曲线抽样时，优化器会权衡拟合抽取的每条合理曲线：取均值、最差的一条，或最差 α 比例的均值（CVaR）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Risk level</source>
        <translation>风险水平</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>α = </source>
        <translation>α = </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The share of worst draws CVaR averages.</source>
        <translation>CVaR 取平均的最差抽样比例。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Risk:</source>
        <translation>风险：</translation>
    </message>
</context>
<context>
    <name>RobustPanel</name>
    <message>
        <location filename="../../ui/optimise/robust_panel.py" line="+33"/>
        <source>Choose a risk across curve draws and run, or select a robust scenario.</source>
        <translation>选择基于曲线抽样的风险度量并运行，或选择一个稳健方案。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{gap} on the {measure} across {n} curve draws (no allocation does better on it by more)</source>
        <translation>{n} 次曲线抽样的{measure}上差距为 {gap}（任何分配方案在该指标上都不会好出更多）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Optimised for the {measure} across {n} curve draws; certified gap {gap}. Against the mean-optimal allocation it changes the mean outcome by {mean} and the worst by {worst}.</source>
        <translation>已针对 {n} 次曲线抽样的{measure}进行优化；已证最优差距 {gap}。与均值最优分配相比，均值结果变化 {mean}，最差结果变化 {worst}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+12"/>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+12"/>
        <source>5th percentile</source>
        <translation>第 5 百分位</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+13"/>
        <source>Worst</source>
        <translation>最差</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Chosen ({measure})</source>
        <translation>所选（{measure}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean-optimal</source>
        <translation>均值最优</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outcome per draw, k {currency}</source>
        <translation>每次抽样的结果（千 {currency}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draws</source>
        <translation>抽样</translation>
    </message>
</context>
<context>
    <name>ScenariosPanel</name>
    <message>
        <location filename="../../ui/optimise/scenarios_panel.py" line="+51"/>
        <source>Saved scenarios</source>
        <translation>已保存的方案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare two</source>
        <translation>对比两个方案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare by</source>
        <translation>对比依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as new optimised flights</source>
        <translation>作为新的优化排期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by rescaling existing flights pro rata</source>
        <translation>按比例缩放现有排期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply to plan</source>
        <translation>应用到计划</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scenario comparison</source>
        <translation>方案对比</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Scenarios (double-click to rename):</source>
        <translation>方案（双击重命名）：</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No scenarios yet. Set the constraints and press Run: every run is kept here to compare and apply.</source>
        <translation>还没有方案。设置约束条件后点击“运行”：每次运行的结果都会保存在这里，便于对比和应用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>impossible</source>
        <translation>不可行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>value {value}, gap {gap}</source>
        <translation>价值 {value}，差距 {gap}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>monthly</source>
        <translation>按月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>weekly</source>
        <translation>按周</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Rename scenario</source>
        <translation>重命名方案</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete scenario</source>
        <translation>删除方案</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Apply scenario {name}</source>
        <translation>应用方案 {name}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Total spend</source>
        <translation>总花费</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Promotion revenue</source>
        <translation>效果收入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand response</source>
        <translation>品牌响应</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
</context>
<context>
    <name>SegmentForm</name>
    <message>
        <location filename="../../ui/editors/catalogue_forms.py" line="-48"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../ui/editors/settings_form.py" line="-78"/>
        <source>Plan name</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Horizon start</source>
        <translation>计划周期开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Horizon end</source>
        <translation>计划周期结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year starts in</source>
        <translation>年度起始月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weeks per month</source>
        <translation>每月周数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total budget</source>
        <translation>总预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand share minimum</source>
        <translation>品牌占比下限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand share target</source>
        <translation>品牌占比目标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brand share maximum</source>
        <translation>品牌占比上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups kept</source>
        <translation>保留备份数</translation>
    </message>
</context>
<context>
    <name>ShareBar</name>
    <message>
        <location filename="../../ui/panels/figures.py" line="+71"/>
        <source>Brand share range {low}–{high}</source>
        <translation>品牌占比区间 {low}–{high}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{range}; now {value}</source>
        <translation>{range}；当前 {value}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/help/shortcuts.py" line="+76"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search commands or keys</source>
        <translation>搜索命令或按键</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../../ui/panels/summary_panel.py" line="-60"/>
        <source>ISO weeks</source>
        <translation>ISO 周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fiscal calendar</source>
        <translation>财务日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>broadcast calendar</source>
        <translation>广播日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4-4-5 retail calendar</source>
        <translation>4-4-5 零售日历</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 channel</source>
        <translation>1 个渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} channels</source>
        <translation>{0} 个渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 segment</source>
        <translation>1 个人群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} segments</source>
        <translation>{0} 个人群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 campaign</source>
        <translation>1 个活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} campaigns</source>
        <translation>{0} 个活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 flight</source>
        <translation>1 个排期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} flights</source>
        <translation>{0} 个排期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 event</source>
        <translation>1 个事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} events</source>
        <translation>{0} 个事件</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual spend</source>
        <translation>实际花费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand share</source>
        <translation>品牌占比</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+4"/>
        <source>Planned by channel</source>
        <translation>各渠道计划</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Planned by objective</source>
        <translation>按目标的计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned by segment tier</source>
        <translation>按人群层级的计划</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>By objective</source>
        <translation>按目标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By segment tier</source>
        <translation>按人群层级</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 still free</source>
        <translation>尚余 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} of budget</source>
        <translation>占预算 {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>{0} of planned</source>
        <translation>占计划 {0}</translation>
    </message>
    <message>
        <location line="-9"/>
        <source> · %1 reserved</source>
        <translation> · 预留 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>range %1</source>
        <translation>区间 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+1"/>
        <source>d MMM yyyy</source>
        <comment>date format</comment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
</context>
<context>
    <name>ThemeMenu</name>
    <message>
        <location filename="../../ui/theme_menu.py" line="+56"/>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
</context>
<context>
    <name>TimeHeader</name>
    <message>
        <location filename="../../ui/calendar/header.py" line="-131"/>
        <source>Q%1 %2</source>
        <translation>%2年Q%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MMMM yyyy</source>
        <comment>date format</comment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Week %1 · %2</source>
        <translation>第%1周 · %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>d MMM</source>
        <comment>date format</comment>
        <translation>M月d日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>W%1</source>
        <translation>%1周</translation>
    </message>
</context>
<context>
    <name>Tooltips</name>
    <message>
        <location filename="../../ui/calendar/tooltips.py" line="+40"/>
        <source>%1 flights, %2</source>
        <translation>%1 个排期，%2</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Objective: %1 · Status: %2</source>
        <translation>目标：%1 · 状态：%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 – %2 (%3 days)</source>
        <translation>%1 – %2（%3 天）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget: %1</source>
        <translation>预算：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Committed (locked)</source>
        <translation>已确认（锁定）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Baseline: %1 – %2, %3</source>
        <translation>基线：%1 – %2，%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ Named in a plan health finding</source>
        <translation>⚠ 计划体检发现的问题涉及此项</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <location filename="../../ui/transfer/tasks.py" line="+90"/>
        <source>Cannot export to {target}: it is a folder</source>
        <translation>无法导出到 {target}：这是一个文件夹</translation>
    </message>
</context>
<context>
    <name>TransferController</name>
    <message>
        <location filename="../../ui/transfer/controller.py" line="+68"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Excel &amp;workbook…</source>
        <translation>Excel 工作簿(&amp;W)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;CSV of flights…</source>
        <translation>排期 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>iCalendar by &amp;flight…</source>
        <translation>iCalendar（按排期）(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>iCalendar by c&amp;ampaign…</source>
        <translation>iCalendar（按活动）(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;PDF calendar…</source>
        <translation>PDF 日历(&amp;P)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P&amp;NG budget charts…</source>
        <translation>PNG 预算图表(&amp;N)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Flights and campaigns…</source>
        <translation>排期和活动(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actuals…</source>
        <translation>实际数据(&amp;A)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel &amp;history…</source>
        <translation>渠道历史数据(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ad &amp;platform report…</source>
        <translation>广告平台报表(&amp;P)…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Platform reports (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>平台报表 (*.csv *.tsv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>电子表格 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Import flights</source>
        <translation>导入排期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import actuals</source>
        <translation>导入实际数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import channel history</source>
        <translation>导入渠道历史数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import platform actuals</source>
        <translation>导入平台实际数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing to import: every row is as in the plan</source>
        <translation>无需导入：所有行均与计划一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported %1</source>
        <translation>已导入 %1</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>TransferProgress</name>
    <message>
        <location filename="../../ui/transfer/progress.py" line="+32"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
</context>
<context>
    <name>ValidationError</name>
    <message>
        <location filename="../../ui/i18n.py" line="+166"/>
        <source>%1: %2 (got %3)</source>
        <translation>%1：%2（实际为 %3）</translation>
    </message>
</context>
<context>
    <name>ViewOptions</name>
    <message>
        <location filename="../../ui/view_options.py" line="+25"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Days</source>
        <translation>日(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Weeks</source>
        <translation>周(&amp;W)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Month</source>
        <translation>月(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quarter</source>
        <translation>季度(&amp;Q)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Year</source>
        <translation>年(&amp;Y)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lanes by &amp;Channel</source>
        <translation>按渠道分泳道(&amp;C)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lanes by Ca&amp;mpaign</source>
        <translation>按活动分泳道(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lanes by &amp;Segment</source>
        <translation>按人群分泳道(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour by Campaign</source>
        <translation>按活动着色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Colour by Objective</source>
        <translation>按目标着色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour by Channel</source>
        <translation>按渠道着色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Colour by Status</source>
        <translation>按状态着色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;Festivals and Holidays</source>
        <translation>显示大促和节假日(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;Baseline</source>
        <translation>显示基线(&amp;B)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>&amp;Zoom To</source>
        <translation>缩放至(&amp;Z)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Colour Bars</source>
        <translation>排期条着色(&amp;C)</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <location filename="../../planner/io/atomic.py" line="+26"/>
        <source>cannot export to {path}: it is a folder</source>
        <translation>无法导出到 {path}：这是一个文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot export to {path}: folder {folder} does not exist</source>
        <translation>无法导出到 {path}：文件夹 {folder} 不存在</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../planner/domain/field_names.py" line="+18"/>
        <source>baseline.name</source>
        <translation>基线名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>campaign.name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>campaign.brand_share</source>
        <translation>活动品牌占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>campaign.colour</source>
        <translation>活动颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>campaign.objective</source>
        <translation>活动目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>campaign.status</source>
        <translation>活动状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>channel.name</source>
        <translation>渠道名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>channel.colour</source>
        <translation>渠道颜色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>channel.kind</source>
        <translation>渠道类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>channel.min_spend</source>
        <translation>渠道最低花费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>channel.max_spend</source>
        <translation>渠道最高花费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>curve.adstock</source>
        <translation>曲线广告存量衰减</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>curve.family</source>
        <translation>曲线类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>curve.goal</source>
        <translation>曲线目标类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>event.name</source>
        <translation>事件名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event.kind</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>event.end</source>
        <translation>事件结束日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fit.draws</source>
        <translation>拟合抽样数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>flight.end</source>
        <translation>排期结束日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flight.budget</source>
        <translation>排期预算</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>flight.committed</source>
        <translation>排期已确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flight.phasing</source>
        <translation>排期投放节奏</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>flight.units</source>
        <translation>排期单位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flight.unit_cost</source>
        <translation>排期单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flight.unit_kind</source>
        <translation>排期单位类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kpi.metric</source>
        <translation>KPI 指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kpi.category</source>
        <translation>KPI 类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kpi.cycle</source>
        <translation>KPI 周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kpi.target</source>
        <translation>KPI 目标值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>placeholder.end</source>
        <translation>预留结束日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>placeholder.amount</source>
        <translation>预留金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>placeholder.goal</source>
        <translation>预留目标类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>plan.name</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plan.currency</source>
        <translation>计划币种</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>plan.horizon.end</source>
        <translation>计划周期结束日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plan.total_budget</source>
        <translation>计划总预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plan.brand_share_min</source>
        <translation>计划品牌占比下限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plan.brand_share_max</source>
        <translation>计划品牌占比上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plan.brand_share_target</source>
        <translation>计划品牌占比目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plan.backup_keep</source>
        <translation>保留备份数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>plan.calendar</source>
        <translation>计划日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scale.percent</source>
        <translation>缩放百分比</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>scenario.name</source>
        <translation>方案名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>segment.name</source>
        <translation>人群名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>segment.tier</source>
        <translation>人群层级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>segment.customers</source>
        <translation>人群客户数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>split.date</source>
        <translation>拆分日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>clipboard</source>
        <translation>剪贴板</translation>
    </message>
    <message>
        <location filename="../../planner/io/history_import.py" line="+278"/>
        <source>brand share of {channel}</source>
        <translation>{channel} 的品牌占比</translation>
    </message>
    <message>
        <location filename="../../planner/io/platforms/rules.py" line="+65"/>
        <source>match rule {n}.kind</source>
        <translation>匹配规则 {n} 的匹配方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>match rule {n}.pattern</source>
        <translation>匹配规则 {n} 的匹配内容</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>match rule {n}.channel_id</source>
        <translation>匹配规则 {n} 的渠道</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>match rule {n}.flight_id</source>
        <translation>匹配规则 {n} 的排期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>match rule {n}.campaign_id</source>
        <translation>匹配规则 {n} 的活动</translation>
    </message>
</context>
<context>
    <name>fitting</name>
    <message>
        <location filename="../../planner/services/result_words.py" line="+77"/>
        <source>joint fit: no channel has usable history ({failures})</source>
        <translation>联合拟合：没有渠道具备可用的历史数据（{failures}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{channels}: jointly no better than the mean (R² = {r2}); the history carries no usable signal</source>
        <translation>{channels}：联合拟合并不优于均值（R² = {r2}）；历史数据中没有可用的信号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel}: the outcome needs one finite number per period</source>
        <translation>{channel}：每个周期的结果都需要一个有限数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{channel}: spend must be finite and not negative</source>
        <translation>{channel}：花费必须是有限的非负数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{channel}: the seasonal index needs one positive number per period</source>
        <translation>{channel}：季节指数在每个周期都需要一个正数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel}: only {count} periods with spend; a curve needs at least {minimum}</source>
        <translation>{channel}：只有 {count} 个周期有花费；拟合曲线至少需要 {minimum} 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel}: spend barely varies, so the history cannot show how the return changes with spend</source>
        <translation>{channel}：花费几乎没有变化，历史数据无法反映回报随花费的变化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel}: no saturation within the history&apos;s spend; beyond its largest spend the curve is an extrapolation</source>
        <translation>{channel}：在历史花费范围内未出现饱和；超出最大历史花费的部分为外推</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel}: Hill shape at its limit s = {limit}</source>
        <translation>{channel}：Hill 形状参数已达极限 s = {limit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{channel}: adstock at the top of its range</source>
        <translation>{channel}：广告存量衰减已达取值范围上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{channel}: the outcome does not rise with spend</source>
        <translation>{channel}：结果不随花费增加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{channel}: the fit is no better than the mean (R² = {r2}); the history carries no usable signal</source>
        <translation>{channel}：拟合并不优于均值（R² = {r2}）；历史数据中没有可用的信号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel}: only {count} periods of history; treat the curve as rough</source>
        <translation>{channel}：只有 {count} 个周期的历史数据；曲线仅供粗略参考</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel}: no detectable effect on the outcome</source>
        <translation>{channel}：未检测到对结果的影响</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel}: no seasonal index covers its history; fitted without seasonality</source>
        <translation>{channel}：没有覆盖其历史数据的季节指数；拟合时未考虑季节性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel}: its history has no revenue and the plan has no total revenue</source>
        <translation>{channel}：其历史数据中没有收入，计划中也没有总收入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel}: its history has no brand outcome and the plan has no total brand outcome</source>
        <translation>{channel}：其历史数据中没有品牌结果，计划中也没有总品牌结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>brand: {count} channel(s) fitted jointly on the plan&apos;s total {outcome}: R² = {r2}, MAPE = {mape}, baseline {baseline} per {period} without any of them</source>
        <translation>品牌：基于计划的总{outcome}联合拟合了 {count} 个渠道：R² = {r2}，MAPE = {mape}，不含这些渠道时每{period}基线为 {baseline}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>promotion: {count} channel(s) fitted jointly on the plan&apos;s total {outcome}: R² = {r2}, MAPE = {mape}, baseline {baseline} per {period} without any of them</source>
        <translation>效果：基于计划的总{outcome}联合拟合了 {count} 个渠道：R² = {r2}，MAPE = {mape}，不含这些渠道时每{period}基线为 {baseline}</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../ui/formatting.py" line="+47"/>
        <source>yyyy-MM-dd</source>
        <comment>date format</comment>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>yyyy-MM-dd HH:mm:ss</source>
        <comment>date and time</comment>
        <translation>yyyy-MM-dd HH:mm:ss</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yyyy-MM-dd HH:mm</source>
        <comment>date and time</comment>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
</context>
<context>
    <name>health</name>
    <message>
        <location filename="../../planner/services/health.py" line="+49"/>
        <source>Planned {planned} (flights and placeholders) is {over} over the budget of {budget}</source>
        <translation>计划金额 {planned}（排期及预留）比预算 {budget} 高出 {over}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Brand share is {share}, below the plan&apos;s range {low}–{high} %</source>
        <translation>品牌占比为 {share}，低于计划区间 {low}–{high} %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brand share is {share}, above the plan&apos;s range {low}–{high} %</source>
        <translation>品牌占比为 {share}，高于计划区间 {low}–{high} %</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name} is planned at {planned}, {over} over its cap of {cap}</source>
        <translation>{name} 计划金额 {planned}，比上限 {cap} 高出 {over}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{count} flight(s) run in the blackout “{name}” ({start}–{end})</source>
        <translation>{count} 个排期处于禁投期“{name}”（{start}–{end}）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{count} flight(s) run outside the plan horizon {start}–{end}</source>
        <translation>{count} 个排期超出计划周期 {start}–{end}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>“{name}” has {count} flight(s) overlapping another flight on the same channel</source>
        <translation>“{name}”有 {count} 个排期与同一渠道上的其他排期重叠</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“{name}” has no KPI target</source>
        <translation>“{name}”没有 KPI 目标</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{count} flight(s) have no budget</source>
        <translation>{count} 个排期没有预算</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{count} festival flight(s) booked after the slot deadline {deadline} ({festival})</source>
        <translation>{count} 个大促排期在资源位预订截止日 {deadline} 之后才预订（{festival}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} festival flight(s) not booked by the slot deadline {deadline} ({festival})</source>
        <translation>{count} 个大促排期在资源位预订截止日 {deadline} 前未预订（{festival}）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{count} flight(s) have a budget that is not units × unit cost</source>
        <translation>{count} 个排期的预算不等于单位数 × 单价</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <location filename="../../planner/io/problem_words.py" line="+24"/>
        <source>has a time of day; a date like 2026-06-18 is expected</source>
        <translation>包含时间；应为日期，例如 2026-06-18</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a date like 2026-06-18</source>
        <translation>不是有效日期（例如 2026-06-18）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has more decimals than {currency} allows ({decimals})</source>
        <translation>小数位数超过 {currency} 允许的位数（{decimals}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is too large for an amount of money</source>
        <translation>金额过大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is too large</source>
        <translation>数值过大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has more than two decimals</source>
        <translation>小数位数超过两位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be between 0 and 100</source>
        <translation>必须介于 0 和 100 之间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not yes or no (true/false, 1/0, 是/否)</source>
        <translation>不是“是”或“否”（true/false、1/0、是/否）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not valid JSON text</source>
        <translation>不是有效的 JSON 文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a JSON object</source>
        <translation>必须是 JSON 对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a JSON list</source>
        <translation>必须是 JSON 列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a JSON list of texts</source>
        <translation>必须是由文本组成的 JSON 列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a record id (a UUID like 3f2b…-…)</source>
        <translation>不是记录 ID（应为 UUID，例如 3f2b…-…）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a finite number</source>
        <translation>不是有限数值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>header {cell} repeats column {column}</source>
        <translation>表头 {cell} 与列 {column} 重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the header has no column {names}</source>
        <translation>表头中没有列 {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has no data rows</source>
        <translation>没有数据行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown segment; give its tier (high, potential, low) to create it</source>
        <translation>未知人群；请填写其层级（high、potential、low）以创建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no channel given</source>
        <translation>未填写渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown channel; add its kind in a “Channel kind” column ({kinds}) to create it</source>
        <translation>未知渠道；请在“Channel kind”列中填写其类型（{kinds}）以创建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown channel</source>
        <translation>未知渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disagrees with row {row} about this campaign</source>
        <translation>与第 {row} 行中该活动的信息不一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no campaign given</source>
        <translation>未填写活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repeats the flight of row {row}</source>
        <translation>与第 {row} 行的排期重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a new flight needs a “{column}” column</source>
        <translation>新排期需要“{column}”列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the plan is in {currency}; amounts in other currencies are not converted</source>
        <translation>计划币种为 {currency}；其他币种的金额不会换算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is outside the plan&apos;s horizon {start} to {end}</source>
        <translation>超出计划周期 {start} 至 {end}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not the channel of the flight named in this row</source>
        <translation>不是该行所指排期的渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>names neither a flight nor a channel</source>
        <translation>既未指明排期也未指明渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no flight in the plan has this id</source>
        <translation>计划中没有此 ID 的排期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is before the start {start}</source>
        <translation>早于开始日期 {start}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repeats the actual of row {row}</source>
        <translation>与第 {row} 行的实际数据重复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the plan changed after the file was checked; import it again</source>
        <translation>检查文件后计划已发生变化；请重新导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing was written: {error}</source>
        <translation>未写入任何内容：{error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel} never spends in this file</source>
        <translation>{channel} 在此文件中没有任何花费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>some periods have fewer geos ({fewest}) than others ({most}): their sums are not comparable</source>
        <translation>部分周期的地区数（{fewest}）少于其他周期（{most}）：其合计不可比</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new channel(s) to be created: {names}</source>
        <translation>将新建渠道：{names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>brand share of {channel}: must be between 0 and 1 (got {value})</source>
        <translation>{channel} 的品牌占比：必须介于 0 和 1 之间（实际为 {value}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is {size} bytes; imports accept at most {most}</source>
        <translation>大小为 {size} 字节；导入最多接受 {most} 字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>holds {count} parts; at most {most} are accepted</source>
        <translation>包含 {count} 个部件；最多接受 {most} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>would unpack to {size} bytes; at most {most} are accepted (a zip bomb?)</source>
        <translation>解压后将达 {size} 字节；最多接受 {most} 字节（可能是 zip 炸弹）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>part {part} expands {ratio} times; at most {most} is accepted (a zip bomb?)</source>
        <translation>部件 {part} 解压后膨胀 {ratio} 倍；最多接受 {most} 倍（可能是 zip 炸弹）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is not a readable .xlsx workbook ({error})</source>
        <translation>不是可读取的 .xlsx 工作簿（{error}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>part {part} declares a DTD or entities, which workbooks never need; refused as unsafe</source>
        <translation>部件 {part} 声明了 DTD 或实体，而工作簿从不需要这些；出于安全考虑已拒绝</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sheet part {part} spans {rows} rows by {columns} columns; at most {most} cells are accepted</source>
        <translation>工作表部件 {part} 跨 {rows} 行 × {columns} 列；最多接受 {most} 个单元格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sheet part {part} runs to row {row}; at most {most} rows are accepted: split it into smaller files</source>
        <translation>工作表部件 {part} 延伸到第 {row} 行；最多接受 {most} 行：请拆分为较小的文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cell {cell} of part {part} holds an Excel error value (#DIV/0!, #N/A…); correct it and import again</source>
        <translation>部件 {part} 的单元格 {cell} 是 Excel 错误值（#DIV/0!、#N/A…）；请更正后重新导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>has more than {most} rows; split it into smaller files</source>
        <translation>超过 {most} 行；请拆分为较小的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>row {row} has {count} columns; at most {most} are accepted</source>
        <translation>第 {row} 行有 {count} 列；最多接受 {most} 列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>row {row} has a cell of {count} characters; at most {most} are accepted</source>
        <translation>第 {row} 行有一个单元格长 {count} 个字符；最多接受 {most} 个字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is neither UTF-8 nor GB18030 text; save it as “CSV UTF-8”</source>
        <translation>既不是 UTF-8 也不是 GB18030 编码的文本；请另存为“CSV UTF-8”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains NUL bytes: it is not a CSV text file</source>
        <translation>包含 NUL 字节：不是 CSV 文本文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a readable CSV table ({error})</source>
        <translation>不是可读取的 CSV 表格（{error}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&apos;{column}&apos;</source>
        <translation>&apos;{column}&apos;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sheet {sheet}</source>
        <translation>工作表 {sheet}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>column {column}</source>
        <translation>列 {column}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{place}: {reason}</source>
        <translation>{place}：{reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{place}: {value}: {reason}</source>
        <translation>{place}：{value}：{reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{problem}; nothing was imported</source>
        <translation>{problem}；未导入任何内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{problem} (and {count} more); nothing was imported</source>
        <translation>{problem}（另有 {count} 个问题）；未导入任何内容</translation>
    </message>
    <message>
        <location filename="../../planner/io/import_flights.py" line="+257"/>
        <source>{field} {reason}</source>
        <translation>{field}{reason}</translation>
    </message>
    <message>
        <location filename="../../planner/io/platforms/check.py" line="+63"/>
        <source>format: {name} ({platform}), {encoding}, sheet {sheet}</source>
        <translation>格式：{name}（{platform}），{encoding}，工作表 {sheet}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>format: {name} ({platform}), sheet {sheet}</source>
        <translation>格式：{name}（{platform}），工作表 {sheet}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>format: {name} ({platform}), {encoding}</source>
        <translation>格式：{name}（{platform}），{encoding}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>format: {name} ({platform})</source>
        <translation>格式：{name}（{platform}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unit: {unit}</source>
        <translation>单位：{unit}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rows: {rows} read, {matched} actuals matched, {unmatched} unmatched</source>
        <translation>行：读取 {rows} 行，匹配 {matched} 条实际数据，{unmatched} 行未匹配</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>spend: {spend} in the file, {matched} matched</source>
        <translation>花费：文件中 {spend}，已匹配 {matched}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>file&apos;s own total: {total}</source>
        <translation>文件自带合计：{total}</translation>
    </message>
    <message>
        <location filename="../../planner/io/platforms/words.py" line="+17"/>
        <source>unit {unit} is not 元, 分, 厘, 万元 or a currency code such as CNY</source>
        <translation>单位 {unit} 不是元、分、厘、万元，也不是币种代码（如 CNY）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is not a platform report this planner knows: no line names a date, a campaign and the spend (日期, 计划名称, 消耗 / Day, Campaign, Cost), and no sheet has months over weeks like a media flowchart</source>
        <translation>不是可识别的平台报表：没有一行同时写明日期、活动和花费（日期、计划名称、消耗 / Day、Campaign、Cost），也没有工作表像媒体排期表那样月份在上、周在下</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} row(s) repeat another row&apos;s platform, account, campaign and dates (the export is broken down further); they were added together</source>
        <translation>{count} 行与其他行的平台、账户、活动和日期相同（导出数据拆分得更细），已合并相加</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>campaign {campaign} (id {id}), spend {spend}: no matching rule names its channel</source>
        <translation>活动 {campaign}（ID {id}），花费 {spend}：没有匹配规则指明其渠道</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>campaign {campaign}, spend {spend}: no matching rule names its channel</source>
        <translation>活动 {campaign}，花费 {spend}：没有匹配规则指明其渠道</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>row {row} left out: {reason}</source>
        <translation>第 {row} 行未导入：{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>states {stated}, but {given} was given for the import</source>
        <translation>注明的单位是 {stated}，但导入时指定的是 {given}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>does not say its unit (元, 分, 厘 or a currency code such as CNY); give the unit for this import (--unit)</source>
        <translation>未注明单位（元、分、厘或币种代码，如 CNY）；请为本次导入指定单位（--unit）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>column {column} does not say its unit; read in {unit}, the unit of {spend}</source>
        <translation>列 {column} 未注明单位；已按 {spend} 的单位 {unit} 读取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>holds {kind}; the plan keeps no personal data, so this file is refused: remove the column&apos;s personal data and import again</source>
        <translation>包含{kind}；计划不保存个人数据，因此拒绝此文件：请删除该列中的个人数据后重新导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>column {column} holds {kind}; dropped, nothing of it is written</source>
        <translation>列 {column} 包含{kind}；已舍弃该列，不会写入其中任何内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>row {row} skipped: a note, not data ({label})</source>
        <translation>已跳过第 {row} 行：这是备注，不是数据（{label}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>column {column}: {count} row(s) have ids Excel rounded to a number (like 1.71234E+15), so they cannot identify a campaign; those rows are matched and keyed by campaign name instead</source>
        <translation>列 {column}：{count} 行的 ID 被 Excel 四舍五入成了数字（如 1.71234E+15），无法用来识别活动；这些行改按活动名称匹配和记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} row(s) have no {column} (blank or --); read as no spend</source>
        <translation>{count} 行没有 {column}（空白或 --）；按无花费读取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} amount(s) had more decimals than the plan&apos;s currency keeps; each was rounded half up to the minor unit</source>
        <translation>{count} 个金额的小数位数超过计划币种保留的位数；均已四舍五入到最小货币单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>names no campaign (and no usable id)</source>
        <translation>未写明活动（也没有可用的 ID）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a currency code such as CNY</source>
        <translation>不是币种代码（如 CNY）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e-mail addresses</source>
        <translation>电子邮件地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID-card numbers</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone numbers</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>personal data (its header says {word})</source>
        <translation>个人数据（表头含 {word}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>column {column} mixes month/day/year and day/month/year dates</source>
        <translation>列 {column} 中既有“月/日/年”也有“日/月/年”格式的日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dates in column {column} such as 6/1/2026 could be read either way; read as {order}, as this platform writes them</source>
        <translation>列 {column} 中像 6/1/2026 这样的日期有两种读法；已按该平台的写法读作“{order}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>month/day/year</source>
        <translation>月/日/年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day/month/year</source>
        <translation>日/月/年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has a time of day; daily rows are expected</source>
        <translation>包含时间；应为按天的数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a real day</source>
        <translation>不是真实存在的日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a date like 2026/6/1 or 2026-06-01</source>
        <translation>不是有效日期（例如 2026/6/1 或 2026-06-01）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is not a usable number</source>
        <translation>不是可用的数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is in {unit}, but the plan is in {currency}; convert the file first</source>
        <translation>币种为 {unit}，但计划币种为 {currency}；请先换算文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is marked in 元 but the column is in {unit}</source>
        <translation>标注为元，但该列的单位是 {unit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not an id</source>
        <translation>不是有效的 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the flowchart does not say its unit (a line like 单位：元 or 单位：万元); give the unit for this import (--unit)</source>
        <translation>排期表未注明单位（应有“单位：元”或“单位：万元”这样的一行）；请为本次导入指定单位（--unit）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the total {stated} is not the sum of {what} ({summed}); correct the sheet and import again</source>
        <translation>合计 {stated} 不等于{what}之和（{summed}）；请更正工作表后重新导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the row&apos;s weeks</source>
        <translation>该行各周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the week&apos;s media</source>
        <translation>该周各媒体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every media row</source>
        <translation>所有媒体行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>campaign {campaign} from {start} to {end} overlaps its {other_start} to {other_end} {where}; the days in both would count twice: export the same dates as before, dates that do not overlap, or one row per day</source>
        <translation>活动 {campaign} 的 {start} 至 {end} 与其{where}的 {other_start} 至 {other_end} 重叠；重叠的日期会被重复计算：请导出与之前相同的日期、不重叠的日期，或每天一行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>in this file</source>
        <translation>在本文件中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imported before</source>
        <translation>之前导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is not text in {encoding}; save it as “CSV UTF-8”</source>
        <translation>不是 {encoding} 编码的文本；请另存为“CSV UTF-8”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has a cell of more than {limit} characters; at most {most} are accepted</source>
        <translation>有单元格超过 {limit} 个字符；最多接受 {most} 个字符</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>week of {date}</source>
        <translation>{date} 当周</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{column}: per row, from {currency}</source>
        <translation>{column}：逐行按 {currency} 列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weekly amounts: {unit}</source>
        <translation>每周金额：{unit}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Google Ads</source>
        <translation>Google Ads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meta Ads Manager</source>
        <translation>Meta 广告管理工具</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>巨量引擎 Ocean Engine</source>
        <translation>巨量引擎</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>阿里妈妈 Alimama</source>
        <translation>阿里妈妈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>腾讯广告 Tencent Ads</source>
        <translation>腾讯广告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>百度营销 Baidu</source>
        <translation>百度营销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>platform report (not named in the file)</source>
        <translation>平台报表（文件中未写明平台）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agency media flowchart</source>
        <translation>代理商媒体排期表</translation>
    </message>
</context>
<context>
    <name>merge</name>
    <message>
        <location filename="../../planner/merge/words.py" line="+19"/>
        <source>budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>brand share</source>
        <translation>品牌占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>minimum spend</source>
        <translation>最低花费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cap</source>
        <translation>上限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unit cost</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total budget</source>
        <translation>总预算</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spend</source>
        <translation>花费</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lowest brand share</source>
        <translation>品牌占比下限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>highest brand share</source>
        <translation>品牌占比上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target brand share</source>
        <translation>品牌占比目标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>booked on</source>
        <translation>预订日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>festival key</source>
        <translation>大促标识</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cycle</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>segment</source>
        <translation>人群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phasing</source>
        <translation>投放节奏</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unit kind</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+21"/>
        <source>committed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>goal</source>
        <translation>目标类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>booking deadline</source>
        <translation>预订截止日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>horizon start</source>
        <translation>计划周期开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>horizon end</source>
        <translation>计划周期结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>backup keep</source>
        <translation>保留备份数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Segment</source>
        <translation>人群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flight</source>
        <translation>排期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Baselines</source>
        <translation>基线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenarios</source>
        <translation>方案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actuals</source>
        <translation>实际数据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>History</source>
        <translation>历史数据</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>even</source>
        <translation>均匀</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not committed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>live</source>
        <translation>投放中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>done</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>promotion</source>
        <translation>效果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mixed</source>
        <translation>混合</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>high</source>
        <translation>高价值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>potential</source>
        <translation>潜力</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>low</source>
        <translation>低价值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>festival</source>
        <translation>大促</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blackout</source>
        <translation>禁投期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total</source>
        <translation>总计</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>web_shop</source>
        <translation>电商店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>app</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>social</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>short_video</source>
        <translation>短视频</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>live_stream</source>
        <translation>直播</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kol</source>
        <translation>KOL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>crm</source>
        <translation>私域</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>offline</source>
        <translation>线下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>display</source>
        <translation>展示广告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>even phasing</source>
        <translation>均匀节奏</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>front phasing</source>
        <translation>前重后轻节奏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>back phasing</source>
        <translation>前轻后重节奏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>continuous phasing</source>
        <translation>连续节奏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flighting phasing</source>
        <translation>间歇式节奏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pulsing phasing</source>
        <translation>脉冲式节奏</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>custom phasing</source>
        <translation>自定义节奏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>here</source>
        <translation>此处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in both copies</source>
        <translation>在双方副本中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in {user}&apos;s copy</source>
        <translation>在 {user} 的副本中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan settings</source>
        <translation>计划设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos;</source>
        <translation>“{name}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} %</source>
        <translation>{value} %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../planner/merge/describe.py" line="+77"/>
        <source>Flight of &apos;{campaign}&apos; on {channel} from {start}</source>
        <translation>活动“{campaign}”在 {channel} 上自 {start} 起的排期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>KPI target &apos;{metric}&apos; of &apos;{campaign}&apos;</source>
        <translation>活动“{campaign}”的 KPI 目标“{metric}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Placeholder on {channel} from {start}</source>
        <translation>{channel} 上自 {start} 起的预留</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{noun} &apos;{name}&apos;</source>
        <translation>{noun}“{name}”</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{start}–{end}</source>
        <translation>{start}–{end}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{label} {before} → {after}</source>
        <translation>{label} {before} → {after}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{label} {value}</source>
        <translation>{label} {value}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{subject} added {where}</source>
        <translation>{where}添加了{subject}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{subject} deleted {where}</source>
        <translation>{where}删除了{subject}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{subject}: {edits} ({where})</source>
        <translation>{subject}：{edits}（{where}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{subject}: {label} {mine} here, {theirs} {where}</source>
        <translation>{subject}：{label}此处为 {mine}，{where}为 {theirs}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>edited ({edits})</source>
        <translation>已修改（{edits}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{subject}: {mine} here, {theirs} {where}</source>
        <translation>{subject}：此处{mine}，{where}{theirs}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{listed} and {count} more</source>
        <translation>{listed} 及另外 {count} 项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{gone} was deleted {where}, but {count} record(s) were added or changed under it {other}: {listed}</source>
        <translation>{gone}{where}已被删除，但{other}在其下新增或修改了 {count} 条记录：{listed}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{gone} were deleted {where}, but {count} record(s) were added or changed under it {other}: {listed}</source>
        <translation>{gone}{where}已被删除，但{other}在其下新增或修改了 {count} 条记录：{listed}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>kept, with {count} record(s) under it</source>
        <translation>已保留，其下有 {count} 条记录</translation>
    </message>
</context>
<context>
    <name>optimise</name>
    <message>
        <location filename="../../planner/services/result_words.py" line="-89"/>
        <source>the budget {budget} cannot all be spent: channel caps, caps per period and availability leave {amount} with nowhere to go</source>
        <translation>预算 {budget} 无法全部花完：受渠道上限、周期上限和可投放时间限制，有 {amount} 无处分配</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the budget {budget} is short by {amount}: channel minimums add up to {minimums} and locked spend to {locked}</source>
        <translation>预算 {budget} 缺口 {amount}：渠道最低花费合计 {minimums}，锁定花费合计 {locked}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the minimum for {channel} ({minimum}) cannot be met (short {amount})</source>
        <translation>无法满足 {channel} 的最低花费（{minimum}）（缺口 {amount}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the cap on {channel} ({cap}) would be exceeded by {amount}</source>
        <translation>{channel} 的上限（{cap}）将被超出 {amount}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brand share ≥ {share} cannot be reached: brand-capable channels can take at most {amount}</source>
        <translation>无法达到品牌占比 ≥ {share}：可投品牌的渠道最多只能承接 {amount}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>brand share ≤ {share} cannot hold: promotion-capable channels can take at most {amount}</source>
        <translation>无法保持品牌占比 ≤ {share}：可投效果的渠道最多只能承接 {amount}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the per-period cap on {channel} is exceeded by {amount}</source>
        <translation>{channel} 的周期上限被超出 {amount}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the pacing limit on {channel} is exceeded by {amount}</source>
        <translation>{channel} 的节奏限制被超出 {amount}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the cap in {period} is exceeded by {amount}</source>
        <translation>{period} 的上限被超出 {amount}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>locked spend on {channel} in {period} cannot be honoured (the channel is unavailable or capped there)</source>
        <translation>{channel} 在 {period} 的锁定花费无法满足（该渠道在此期间不可投放或受上限限制）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the revenue target {target} is out of reach by {amount} within the budget and caps</source>
        <translation>在预算和上限范围内，收入目标 {target} 还差 {amount}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>brand response {target} is out of reach by {amount} within the budget and caps</source>
        <translation>在预算和上限范围内，品牌响应 {target} 还差 {amount}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a return on spend of {roas} cannot be reached</source>
        <translation>无法达到 {roas} 的 ROAS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the constraints cannot hold together, but no single planner rule can be blamed</source>
        <translation>约束条件无法同时满足，但无法归因于某一条规划规则</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{amount} left unspent: {reason}</source>
        <translation>{amount} 未花出：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the revenue target is reached without it</source>
        <translation>不花这部分也能达到收入目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>held back by {limits}</source>
        <translation>受限于 {limits}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every channel is at its cap or saturated (the next unit would earn nothing)</source>
        <translation>所有渠道均已达上限或饱和（再投入也不会带来回报）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every channel is at its cap or saturated</source>
        <translation>所有渠道均已达上限或饱和</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel}: {amount} of brand money has no curve; it stays as planned</source>
        <translation>{channel}：{amount} 的品牌预算没有曲线，保持原计划</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel}: {amount} of promotion money has no curve; it stays as planned</source>
        <translation>{channel}：{amount} 的效果预算没有曲线，保持原计划</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>monthly curves assume money spread evenly within each month</source>
        <translation>月度曲线假设预算在每月内均匀分布</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel}: {amount} is already spent or committed, over its cap of {cap}; nothing more is placed on it</source>
        <translation>{channel}：{amount} 已花费或已确认，超出其上限 {cap}；不再向其分配预算</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>total budget</source>
        <translation>总预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brand share ≥ {share}</source>
        <translation>品牌占比 ≥ {share}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brand share ≤ {share}</source>
        <translation>品牌占比 ≤ {share}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minimum spend on {channel}</source>
        <translation>{channel} 的最低花费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maximum spend on {channel}</source>
        <translation>{channel} 的最高花费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minimum buy on {channel}</source>
        <translation>{channel} 的最低购买量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{channel} cap per period</source>
        <translation>{channel} 的周期上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pacing of {channel}</source>
        <translation>{channel} 的投放节奏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cap in {period}</source>
        <translation>{period} 的上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>locked brand spend on {channel} in {period}</source>
        <translation>{channel} 在 {period} 锁定的品牌花费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>locked promotion spend on {channel} in {period}</source>
        <translation>{channel} 在 {period} 锁定的效果花费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brand response ≥ {floor}</source>
        <translation>品牌响应 ≥ {floor}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revenue target</source>
        <translation>收入目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return on spend ≥ {roas}</source>
        <translation>ROAS ≥ {roas}</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>reforecast</name>
    <message>
        <location line="-39"/>
        <source>curves re-fitted before the reforecast: {count} promotion curve(s) on history and actual weeks to {date}, brand curves on history (actuals carry no brand outcome); saved as their own undoable step</source>
        <translation>重新预测前已重新拟合曲线：{count} 条效果曲线基于历史数据和截至 {date} 的实际周数据，品牌曲线基于历史数据（实际数据不含品牌结果）；已作为单独的可撤销步骤保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{channel}: promotion curve kept from history only ({reason})</source>
        <translation>{channel}：效果曲线仅基于历史数据保留（{reason}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel} brand: not fitted ({reason})</source>
        <translation>{channel} 品牌：未拟合（{reason}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{channel} promotion: not fitted ({reason})</source>
        <translation>{channel} 效果：未拟合（{reason}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>spend up to {date} is fixed at actual spend per channel and {grain}</source>
        <translation>截至 {date} 的花费按渠道和{grain}固定为实际花费</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>where a channel has no actuals in a {grain} up to {date}, its plan counts as spent: {count} channel-{grain}(s), {amount}, on {channels} and {more} more</source>
        <translation>截至 {date}，渠道在某{grain}没有实际数据时按计划视为已花费：共 {count} 个渠道-{grain}，{amount}，涉及 {channels} 及另外 {more} 个渠道</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>where a channel has no actuals in a {grain} up to {date}, its plan counts as spent: {count} channel-{grain}(s), {amount}, on {channels}</source>
        <translation>截至 {date}，渠道在某{grain}没有实际数据时按计划视为已花费：共 {count} 个渠道-{grain}，{amount}，涉及 {channels}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{period} runs past {date}: its days from {first} to {last} stay as planned ({amount}); re-planning starts {start}</source>
        <translation>{period} 跨过 {date}：其中 {first} 至 {last} 保持原计划（{amount}）；重新规划从 {start} 开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the plan has no actuals: the plan counts as spent throughout</source>
        <translation>计划没有实际数据：全程按计划视为已花费</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>actuals end on {last}, before {date}</source>
        <translation>实际数据截至 {last}，早于 {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>actuals after {date} (to {last}) are left out</source>
        <translation>{date} 之后（至 {last}）的实际数据未计入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brand stock built before {start} carries into the remaining {grain}s through each channel&apos;s adstock ({amount} of brand spend still working)</source>
        <translation>{start} 之前积累的品牌存量会通过各渠道的广告存量效应延续到剩余各{grain}（仍有 {amount} 的品牌花费在起作用）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>keeping the current plan is not a feasible allocation ({breaches}), so the reforecast need not score above it</source>
        <translation>保持当前计划不是可行的分配（{breaches}），因此重新预测的得分不一定高于它</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it spends {amount}, over the budget {budget}</source>
        <translation>其花费 {amount}，超出预算 {budget}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{channel} {amount} is over its maximum {maximum}</source>
        <translation>{channel} {amount} 超出其最高花费 {maximum}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optimal</source>
        <translation>最优</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>infeasible</source>
        <translation>无可行解</translation>
    </message>
    <message>
        <location filename="../../planner/services/reforecast.py" line="+155"/>
        <source>nothing of the plan is spent by then</source>
        <translation>届时计划尚无任何花费</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing of the plan is left after it</source>
        <translation>此后计划已无剩余</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as-of date {as_of} is outside the plan&apos;s horizon {start} to {end}: {reason}; pick a date from {start} to {last}</source>
        <translation>截至日期 {as_of} 超出计划周期 {start} 至 {end}：{reason}；请选择 {start} 至 {last} 之间的日期</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>no {grain} of the horizon starts after {as_of}: nothing is left to re-plan (try --grain week)</source>
        <translation>计划周期内没有在 {as_of} 之后开始的{grain}：没有可重新规划的部分（可尝试 --grain week）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no {grain} of the horizon starts after {as_of}: nothing is left to re-plan</source>
        <translation>计划周期内没有在 {as_of} 之后开始的{grain}：没有可重新规划的部分</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>scenario “{name}” is not a reforecast</source>
        <translation>方案“{name}”不是重新预测</translation>
    </message>
</context>
<context>
    <name>scenarios</name>
    <message>
        <location filename="../../planner/services/scenario_apply.py" line="+33"/>
        <source>brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>promotion</source>
        <translation>效果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../planner/services/scenarios.py" line="+156"/>
        <source>no scenario with id {id}</source>
        <translation>没有 ID 为 {id} 的方案</translation>
    </message>
    <message>
        <location filename="../../planner/services/scenario_apply.py" line="+19"/>
        <source>it was not solved</source>
        <translation>未求解</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scenario “{name}” has no allocation to apply: {reason}</source>
        <translation>方案“{name}”没有可应用的分配：{reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} of its channels are not in this one</source>
        <translation>其中 {count} 个渠道不在本计划中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its money is in {currency}, this plan&apos;s in {plan_currency}</source>
        <translation>其金额币种为 {currency}，本计划币种为 {plan_currency}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>scenario “{name}” was made for another plan: {reason}; optimise this plan again</source>
        <translation>方案“{name}”是为其他计划生成的：{reason}；请重新优化本计划</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>scenario “{name}” has no future periods in the horizon</source>
        <translation>方案“{name}”在计划周期内没有未来的周期</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{channel}: {amount} more is fixed than the scenario gives</source>
        <translation>{channel}：已固定的金额比方案给出的多 {amount}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel}: {amount} is wanted but it has no future flight to scale</source>
        <translation>{channel}：需要 {amount}，但没有可缩放的未来排期</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot rescale to the scenario (apply it as new flights): {problems}</source>
        <translation>无法按方案缩放（请以新建排期的方式应用）：{problems}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>cannot apply scenario “{name}”: committed flights hold more than it gives in {count} cell(s), e.g. {channel} {goal} {period}: committed {committed}, scenario {target}. The plan&apos;s commitments changed since it was optimised: optimise again</source>
        <translation>无法应用方案“{name}”：在 {count} 个单元中已确认排期的金额超过方案给出的金额，例如 {channel} {goal} {period}：已确认 {committed}，方案 {target}。优化之后计划的已确认排期有变：请重新优化</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <location filename="../../planner/domain/validate.py" line="+22"/>
        <location filename="../../planner/io/platforms/rules.py" line="-26"/>
        <source>must be one of {allowed}</source>
        <translation>必须是以下之一：{allowed}</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../planner/services/scenarios.py" line="-32"/>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be a whole, non-negative amount in minor units</source>
        <translation>必须是以最小货币单位计的非负整数金额</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must not be before start {start}</source>
        <translation>不能早于开始日期 {start}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be a colour like #4e79a7</source>
        <translation>必须是颜色值，例如 #4e79a7</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>must not be below the minimum spend {minimum}</source>
        <translation>不能低于最低花费 {minimum}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a brand campaign needs a brand share of 100 %</source>
        <translation>品牌活动的品牌占比必须为 100 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a promotion campaign needs a brand share of 0 %</source>
        <translation>效果活动的品牌占比必须为 0 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a mixed campaign needs a brand share of between 0 % and 100 % (exclusive)</source>
        <translation>混合活动的品牌占比必须介于 0 % 和 100 % 之间（不含两端）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be a finite number</source>
        <translation>必须是有限数值</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>must be a whole, non-negative number</source>
        <translation>必须是非负整数</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>must be a three-letter ISO code</source>
        <translation>必须是三个字母的 ISO 代码</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be between 0 % and 100 %</source>
        <translation>必须介于 0 % 和 100 % 之间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must lie within the brand share range</source>
        <translation>必须在品牌占比区间内</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be at least 1</source>
        <translation>不能小于 1</translation>
    </message>
    <message>
        <location filename="../../planner/io/history_import.py" line="+1"/>
        <source>must be between 0 and 1</source>
        <translation>必须介于 0 和 1 之间</translation>
    </message>
    <message>
        <location filename="../../planner/io/platforms/rules.py" line="+4"/>
        <source>must be 1 to {most} characters</source>
        <translation>必须为 1 至 {most} 个字符</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>is not a regular expression ({error})</source>
        <translation>不是有效的正则表达式（{error}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no such channel</source>
        <translation>没有这个渠道</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is not a flight on the rule&apos;s channel</source>
        <translation>不是该规则所指渠道上的排期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no such campaign, or not the flight&apos;s campaign</source>
        <translation>没有这个活动，或不是该排期所属的活动</translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <location filename="../../ui/calendar/interactions.py" line="+234"/>
        <source>Resize flight</source>
        <translation>调整排期长度</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Move campaign</source>
        <translation>移动活动</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+43"/>
        <source>Move flight</source>
        <translation>移动排期</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+43"/>
        <source>Move flights</source>
        <translation>移动排期</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Copy flight</source>
        <translation>复制排期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy flights</source>
        <translation>复制排期</translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <location filename="../../ui/models/vocabulary.py" line="+16"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live</source>
        <translation>投放中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotion</source>
        <translation>效果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixed</source>
        <translation>混合</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Even</source>
        <translation>均匀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Front-loaded</source>
        <translation>前重后轻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back-loaded</source>
        <translation>前轻后重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continuous</source>
        <translation>连续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flighting</source>
        <translation>间歇式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pulsing</source>
        <translation>脉冲式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Over budget</source>
        <translation>超出预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand share</source>
        <translation>品牌占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel over cap</source>
        <translation>渠道超出上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flight in blackout</source>
        <translation>排期位于禁投期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outside the horizon</source>
        <translation>超出计划周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overlapping flights</source>
        <translation>排期重叠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No KPI target</source>
        <translation>无 KPI 目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zero budget</source>
        <translation>零预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking deadline</source>
        <translation>预订截止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units mismatch</source>
        <translation>单位不匹配</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total</source>
        <translation>总计</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fen</source>
        <translation>分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>MMM yyyy</source>
        <comment>date format</comment>
        <translation>yyyy年M月</translation>
    </message>
</context>
</TS>
