"""The Performance tab: plan against actual, with KPI attainment and charts."""
