package io.betapool.spring.boot.advice;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.type.MethodMetadata;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Hands the {@link ThreadPoolTaskExecutor} and {@link ThreadPoolExecutor} beans that the application
 * defines itself to a {@link PoolAdvisor}. A bean is the application's when it is declared neither by
 * an auto-configuration nor by a class of Spring: Spring Boot's own {@code applicationTaskExecutor} is
 * left out, and the adaptive pools are of neither type.
 */
public class ApplicationPoolsPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private final PoolAdvisor advisor;

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private @Nullable Set<String> autoConfigurations;

	/**
	 * A post-processor that hands the application's pools to {@code advisor}.
	 */
	public ApplicationPoolsPostProcessor(PoolAdvisor advisor) {
		this.advisor = Objects.requireNonNull(advisor, "advisor");
	}

	/** The advisor the pools go to. */
	public PoolAdvisor advisor() {
		return this.advisor;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		if (beanFactory instanceof ConfigurableListableBeanFactory listable) {
			this.beanFactory = listable;
			this.autoConfigurations = new HashSet<>();
			ImportCandidates.load(AutoConfiguration.class, listable.getBeanClassLoader())
				.forEach(this.autoConfigurations::add);
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof ThreadPoolTaskExecutor taskExecutor && isApplications(beanName)) {
			this.advisor.observe(beanName, taskExecutor::getThreadPoolExecutor);
		}
		else if (bean instanceof ThreadPoolExecutor executor && isApplications(beanName)) {
			this.advisor.observe(beanName, () -> executor);
		}
		return bean;
	}

	private boolean isApplications(String beanName) {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		if (factory == null || !factory.containsBeanDefinition(beanName)) {
			return false;
		}
		BeanDefinition definition = factory.getBeanDefinition(beanName);
		if (definition.getRole() != BeanDefinition.ROLE_APPLICATION) {
			return false;
		}
		String origin = definition.getBeanClassName();
		if (definition instanceof AnnotatedBeanDefinition annotated) {
			MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
			if (factoryMethod != null) {
				origin = factoryMethod.getDeclaringClassName();
			}
		}
		return origin == null || !isFrameworkOrAutoConfigured(origin);
	}

	private boolean isFrameworkOrAutoConfigured(String className) {
		int nested = className.indexOf('$');
		String topLevel = (nested > 0) ? className.substring(0, nested) : className;
		Set<String> candidates = this.autoConfigurations;
		return (candidates != null && candidates.contains(topLevel)) || topLevel.startsWith("org.springframework.");
	}

}
