package corpus

import "github.com/jilin761/intake/category"

// place is a reporting unit with the short name companies carry and the GB/T 2260
// divisions (the city's own code and its districts and counties) where its
// applicants' codes are issued.
type place struct {
	unit      category.ReportingUnit
	short     string // as in a company name: 长春, 吉林 …
	long      string // as in a project name: 长春市, 延边州 …
	divisions []string
	weight    int // relative number of projects, roughly by economic size
}

// places are the letter's twelve reporting units. 长白山管委会 and 长春新区管委会 have no
// division of their own; their applicants' codes are issued by 白山市 and 长春市.
var places = []place{
	{category.ReportingUnitChangchun, "长春", "长春市", []string{"220100", "220102", "220103", "220104", "220105", "220106", "220112", "220113", "220184"}, 26},
	{category.ReportingUnitJilinCity, "吉林", "吉林市", []string{"220200", "220202", "220203", "220204", "220211", "220281"}, 14},
	{category.ReportingUnitSiping, "四平", "四平市", []string{"220300", "220302", "220303", "220382"}, 7},
	{category.ReportingUnitLiaoyuan, "辽源", "辽源市", []string{"220400", "220402", "220403"}, 5},
	{category.ReportingUnitTonghua, "通化", "通化市", []string{"220500", "220502", "220503", "220582"}, 6},
	{category.ReportingUnitBaishan, "白山", "白山市", []string{"220600", "220602", "220605", "220681"}, 5},
	{category.ReportingUnitSongyuan, "松原", "松原市", []string{"220700", "220702", "220781"}, 6},
	{category.ReportingUnitBaicheng, "白城", "白城市", []string{"220800", "220802", "220881"}, 5},
	{category.ReportingUnitYanbian, "延边", "延边州", []string{"222400", "222401", "222402", "222403", "222405"}, 8},
	{category.ReportingUnitChangbaishan, "长白山", "长白山保护开发区", []string{"220600", "220621"}, 3},
	{category.ReportingUnitChangchunNewArea, "长春新区", "长春新区", []string{"220100", "220104"}, 6},
	{category.ReportingUnitMeihekou, "梅河口", "梅河口市", []string{"220581"}, 4},
}

// elsewhere are divisions outside Jilin where an applicant's code may have been
// issued: a company that moved, or one that is simply not from Jilin.
var elsewhere = []struct{ division, short string }{
	{"110105", "北京"}, {"110108", "北京"}, {"210100", "沈阳"}, {"210200", "大连"}, {"230100", "哈尔滨"},
	{"310115", "上海"}, {"370200", "青岛"}, {"440300", "深圳"}, {"330100", "杭州"},
}

var (
	brands = []string{"华信", "智联", "数创", "云图", "天启", "北辰", "长白", "松江", "东北亚", "汇智", "鼎信", "博远",
		"睿达", "中科", "吉大", "启明", "星河", "瑞德", "恒通", "正元", "通达", "奥普", "嘉禾", "龙腾", "禹衡", "盛世"}
	companySuffixes = []string{"有限公司", "有限公司", "股份有限公司", "有限责任公司"}
	surnames        = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "于", "金", "崔", "朴", "姜"}
	givenNames      = []string{"建国", "海涛", "丽娜", "志强", "明", "晓东", "婷", "国华", "立新", "雪梅", "春雨", "宏伟", "静",
		"永刚", "秀英", "成龙", "美玲", "振宇", "佳琪", "文博", "长海", "玉兰", "东旭", "子豪", "淑华", "德胜"}
)

// industries are the words a company name carries after its brand, by category; for
// industrial-internet they also say what kind of enterprise it is.
var industries = map[category.Category][]string{
	category.CategoryBigData:            {"数据科技", "云计算", "信息技术", "数字科技", "大数据"},
	category.CategoryAI:                 {"智能科技", "人工智能", "智能装备", "机器人", "智能传感"},
	category.CategoryIndustrialInternet: {"汽车零部件", "化工", "装备制造", "精密机械", "医药", "食品", "新材料", "轨道客车配件", "光电"},
}

var itIndustries = []string{"工业互联网科技", "软件", "信息技术", "网络科技"}

// topics name projects, by subtype.
var topics = map[category.Subtype][]string{
	category.SubtypeDatacenter: {"政务大数据中心", "城市大数据中心", "医疗健康大数据中心", "农业大数据中心", "交通大数据中心",
		"文旅大数据中心", "社会信用大数据中心", "生态环境大数据中心"},
	category.SubtypeGovInfra: {"政务云平台扩容", "“一网通办”政务服务平台", "电子政务外网升级改造", "城市运行管理中心",
		"智慧审批系统", "数字档案馆", "社会治理综合信息平台", "“吉事办”移动端升级"},
	category.SubtypeAIProduct: {"智能服务机器人产业化", "车载智能传感器产业化", "智能网联汽车域控制器产业化", "智能无人机产业化",
		"智能医疗影像设备产业化", "智能语音交互终端产业化", "视频图像身份识别系统产业化"},
	category.SubtypeAIManufacturing: {"数字化车间建设", "智能工厂建设", "工业机器人集成应用", "智能检测装备产业化",
		"智能物流装备产业化", "智能制造工业软件产业化"},
	category.SubtypeAIApplication: {"智慧医疗辅助诊断", "智慧农业病虫害识别", "智慧交通信号优化", "智慧教育个性化学习平台",
		"智慧文旅客流分析", "智能安防视频分析", "智慧康养服务平台"},
	category.SubtypeAISupport: {"人工智能开放创新平台", "行业训练数据资源库", "人工智能计算服务平台", "算法模型测试及知识产权服务平台",
		"人工智能网络安全保障体系"},
	category.Subtype5GInfrastructure: {"5G+工业互联网示范工厂", "5G全连接工厂", "5G+智能矿山", "5G+智慧化工园区"},
	category.SubtypeIntranet:         {"企业内网IPv6升级改造", "工业PON网络改造", "5G工业专网建设", "车间网络化改造"},
	category.SubtypeIdentifierNode:   {"工业互联网标识解析二级节点", "标识解析企业节点", "标识解析公共递归节点"},
	category.SubtypePlatform:         {"工业互联网平台", "汽车行业工业互联网平台", "化工园区工业互联网平台", "装备制造云平台"},
	category.SubtypeIndustrialOther:  {"工业大数据分析应用", "设备上云改造", "工业APP开发应用"},
	category.Subtype5G:               {"5G基站建设工程", "5G网络深度覆盖工程", "5G室内分布系统建设工程"},
	category.SubtypeTelecom:          {"光纤宽带网络扩容工程", "城域传输网升级工程", "铁塔基础设施共建共享工程", "千兆光网建设工程"},
}

// carrierCompanies are the carriers' Jilin provincial companies, with the credit code
// each uses in the corpus (made up, both checks valid, issued in 220000).
var carrierCompanies = map[category.Carrier]string{
	category.CarrierChinaMobile:   "中国移动通信集团吉林有限公司",
	category.CarrierChinaUnicom:   "中国联合网络通信有限公司吉林省分公司",
	category.CarrierChinaTelecom:  "中国电信股份有限公司吉林分公司",
	category.CarrierChinaBroadnet: "吉林省广播电视网络有限公司",
	category.CarrierChinaTower:    "中国铁塔股份有限公司吉林省分公司",
}

var scenarios = []string{"机器视觉质检", "AGV 协同调度", "远程设备运维", "AR 辅助装配", "生产现场监测", "无人巡检",
	"设备预测性维护", "柔性生产排程", "能耗在线监测"}

// progressTexts describe progress (进展情况) as forms do, by stage.
var progressTexts = map[category.Stage][]string{
	category.StagePlanning:   {"前期规划已完成，正在编制项目建议书", "项目建议书已编制完成，待审批", "正在开展需求调研和方案论证"},
	category.StageNewStart:   {"可研报告已批复，正在开展设备招标", "建设资金已落实，计划年内开工", "初步设计已完成，正在办理施工许可"},
	category.StageContinuing: {"主体工程完工 %d%%", "一期已投产，二期设备安装中", "已完成土建，设备进场调试", "已开通 %d 个站点", "软件开发完成 %d%%，开始试运行"},
	"":                       {"项目推进中"},
}
