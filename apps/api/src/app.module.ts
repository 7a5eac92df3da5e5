import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { EventStoreModule } from '@casetrail/event-store';
import { PlatformModule, type PlatformOptions } from '@casetrail/platform';
import { HealthController } from './health/health.controller';
import { ProblemDetailsFilter } from './problem-details/problem-details.filter';

@Module({})
export class AppModule {
  static register(options: PlatformOptions): DynamicModule {
    const platform = PlatformModule.forRoot(options);
    return {
      module: AppModule,
      imports: [platform, EventStoreModule.register(platform)],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
