import { Module, type DynamicModule } from '@nestjs/common';
import { ReadModelsModule } from '@casetrail/case-read-models';
import { EventStoreModule } from '@casetrail/event-store';
import { PlatformModule, type PlatformOptions } from '@casetrail/platform';

/** The projector host: no HTTP, only the projections. */
@Module({})
export class ProjectorModule {
  static register(options: PlatformOptions): DynamicModule {
    const platform = PlatformModule.forRoot(options);
    const eventStore = EventStoreModule.register(platform);
    return { module: ProjectorModule, imports: [platform, eventStore, ReadModelsModule.register(platform, eventStore, { runProjector: true, answersReports: false })] };
  }
}
