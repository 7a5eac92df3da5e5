import { PageQueryDto } from '../../http/page-query.dto';

/** Paging of a citizen's access log, newest first. */
export class AccessLogQueryDto extends PageQueryDto {}
