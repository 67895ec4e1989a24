// ECharts with only the parts ecogov draws (tree-shaken; its own chunk).
import * as echarts from 'echarts/core'
import { LineChart, BarChart, PieChart, HeatmapChart } from 'echarts/charts'
import {
  GridComponent, TooltipComponent, LegendComponent, CalendarComponent, VisualMapComponent,
  TitleComponent, DataZoomComponent, MarkLineComponent,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([
  LineChart, BarChart, PieChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent,
  CalendarComponent, VisualMapComponent, TitleComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer,
])

export { echarts }
export type { EChartsCoreOption as ChartOption } from 'echarts/core'
